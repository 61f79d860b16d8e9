package ai.massrouter.gateway.provider;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An upstream response body as an {@link InputStream} whose reads give up when the upstream has
 * sent nothing for {@code idle}: the JDK client's own timeout ends when the response starts, and a
 * stream that stalls halfway must not hold a request thread forever. It asks the connection for
 * one batch of bytes at a time, so a slow client slows the upstream instead of filling memory;
 * {@link #close()} cancels the exchange, which closes the connection.
 */
final class IdleTimeoutBody extends InputStream implements Flow.Subscriber<List<ByteBuffer>> {

    private static final Object END = new Object();

    private final BlockingQueue<Object> arrived = new LinkedBlockingQueue<>();
    private final Duration idle;
    private volatile Flow.Subscription subscription;
    private Iterator<ByteBuffer> batch;
    private ByteBuffer current;
    private boolean ended;
    private volatile boolean closed;

    IdleTimeoutBody(Duration idle) {
        this.idle = idle;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (closed) {
            s.cancel();
        } else {
            s.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        arrived.add(buffers);
    }

    @Override
    public void onError(Throwable failure) {
        arrived.add(failure);
    }

    @Override
    public void onComplete() {
        arrived.add(END);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (current == null || !current.hasRemaining()) {
            if (batch != null && batch.hasNext()) {
                current = batch.next();
                continue;
            }
            if (ended) {
                return -1;
            }
            next();
        }
        int n = Math.min(length, current.remaining());
        current.get(into, offset, n);
        return n;
    }

    @SuppressWarnings("unchecked")
    private void next() throws IOException {
        if (closed) {
            throw new IOException("closed");
        }
        Object item;
        try {
            item = arrived.poll(idle.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading the upstream", e);
        }
        if (item == null) {
            close();
            throw new HttpTimeoutException("the upstream sent nothing for " + idle.toSeconds() + " s");
        }
        if (item == END) {
            ended = true;
        } else if (item instanceof Throwable failure) {
            ended = true;
            throw failure instanceof IOException io ? io : new IOException(failure);
        } else {
            batch = ((List<ByteBuffer>) item).iterator();
            subscription.request(1);
        }
    }

    @Override
    public void close() {
        closed = true;
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }
}
