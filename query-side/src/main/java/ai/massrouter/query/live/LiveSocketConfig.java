package ai.massrouter.query.live;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * {@code /ws}: plain WebSocket, JSON text messages (see docs/websocket.md). Any origin may connect:
 * no cookie ever authenticates a connection, only a token the client presents.
 */
@Configuration
@EnableWebSocket
public class LiveSocketConfig implements WebSocketConfigurer {

    private final LiveSocketHandler handler;

    public LiveSocketConfig(LiveSocketHandler handler) {
        this.handler = handler;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(handler, "/ws").setAllowedOriginPatterns("*");
    }

    /** A client message is a few dozen bytes: a larger frame closes the connection (1009). */
    @Bean
    public ServletServerContainerFactoryBean webSocketContainer(
            @Value("${massrouter.live.max-message-bytes:4096}") int maxMessageBytes,
            @Value("${massrouter.live.idle-timeout:PT10M}") java.time.Duration idleTimeout) {
        ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
        container.setMaxTextMessageBufferSize(maxMessageBytes);
        container.setMaxBinaryMessageBufferSize(maxMessageBytes);
        container.setMaxSessionIdleTimeout(idleTimeout.toMillis());
        return container;
    }
}
