package ai.massrouter.gateway;

/** The client closed its connection while its answer was being streamed or computed. */
public class ClientGoneException extends RuntimeException {

    public ClientGoneException(Throwable cause) {
        super("The client disconnected", cause);
    }
}
