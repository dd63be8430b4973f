package io.convexspring.live;

import java.net.URI;
import java.util.concurrent.atomic.AtomicBoolean;

import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import reactor.netty.http.websocket.WebsocketOutbound;

/**
 * One WebSocket on Reactor Netty: text frames out through one sink, whole (reassembled) text
 * messages in, ping frames answered by Netty, and one {@link Listener#closed} call however it
 * ends. Holds no protocol state; a reconnect is a new instance.
 */
final class WebSocketConnection {

	private final Sinks.Many<String> outbound = Sinks.many().unicast().onBackpressureBuffer();

	private final AtomicBoolean finished = new AtomicBoolean();

	private volatile @Nullable Disposable subscription;

	private volatile @Nullable WebsocketOutbound out;

	private volatile @Nullable WebSocketCloseStatus status;

	private volatile @Nullable String clientReason;

	private final Sinks.Empty<Void> done = Sinks.empty();

	private volatile @Nullable Listener listener;

	private final int maxMessageBytes;

	WebSocketConnection(int maxMessageBytes) {
		this.maxMessageBytes = maxMessageBytes;
	}

	void open(HttpClient client, URI uri, Listener listener) {
		this.listener = listener;
		WebsocketClientSpec spec = WebsocketClientSpec.builder().maxFramePayloadLength(this.maxMessageBytes).build();
		this.subscription = client.websocket(spec).uri(uri).handle((in, out) -> {
			this.out = out;
			in.receiveCloseStatus().subscribe((closeStatus) -> this.status = closeStatus, (error) -> {
				// the connection failed without a close frame: finish() says so
			});
			listener.opened(this);
			Mono<Void> receive = in.aggregateFrames(this.maxMessageBytes).receiveFrames().doOnNext((frame) -> {
				if (frame instanceof TextWebSocketFrame text) {
					listener.text(this, text.text());
				}
			}).then().doFinally((signal) -> this.outbound.tryEmitComplete());
			return Mono.when(out.sendString(this.outbound.asFlux()).then(), receive);
		}).subscribe(null, (error) -> finish(listener, error), () -> finish(listener, null));
	}

	/** Sends a text frame; frames sent before the socket opens go out once it does. */
	void send(String frame) {
		this.outbound.tryEmitNext(frame);
	}

	/** Closes with a close frame, for a deliberate end (idle, shut down, re-authenticate). */
	void close(int code, String reason) {
		this.clientReason = reason;
		WebsocketOutbound open = this.out;
		if (open != null) {
			open.sendClose(code, reason).subscribe(null, (error) -> abort(reason));
		}
		else {
			abort(reason);
		}
	}

	/** Drops the connection at once, for a server that went silent or broke the protocol. */
	void abort(String reason) {
		this.clientReason = reason;
		Disposable open = this.subscription;
		if (open != null) {
			open.dispose();
		}
		Listener current = this.listener;
		if (current != null) {
			// a disposed exchange signals neither completion nor error
			finish(current, null);
		}
	}

	/** Completes once the connection has ended. */
	Mono<Void> done() {
		return this.done.asMono();
	}

	private void finish(Listener listener, @Nullable Throwable error) {
		if (!this.finished.compareAndSet(false, true)) {
			return;
		}
		this.done.tryEmitEmpty();
		String reason = this.clientReason;
		if (reason != null) {
			listener.closed(this, reason, true);
			return;
		}
		WebSocketCloseStatus closeStatus = this.status;
		if (closeStatus != null) {
			String text = closeStatus.reasonText();
			listener.closed(this, (text != null && !text.isEmpty()) ? text : "closed with code " + closeStatus.code(),
					false);
		}
		else if (error instanceof TooLongFrameException) {
			listener.closed(this, "MessageTooLarge", false);
		}
		else if (error != null) {
			listener.closed(this, "failed (" + error.getClass().getSimpleName()
					+ ((error.getMessage() != null) ? ": " + error.getMessage() : "") + ")", false);
		}
		else {
			listener.closed(this, "closed with code 1005", false);
		}
	}

	/**
	 * What happens on a connection, called on Netty's threads.
	 */
	interface Listener {

		void opened(WebSocketConnection connection);

		void text(WebSocketConnection connection, String text);

		void closed(WebSocketConnection connection, String reason, boolean clientClosed);

	}

}
