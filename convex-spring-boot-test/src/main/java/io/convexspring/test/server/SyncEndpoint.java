package io.convexspring.test.server;

import java.time.Duration;

import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import org.reactivestreams.Publisher;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;
import reactor.netty.http.server.WebsocketServerSpec;

/**
 * {@code GET /api/sync} and {@code /api/{version}/sync}: upgrades to a WebSocket and runs one
 * {@link SyncSession} on it, feeding it whole text messages (fragments reassembled) and sending
 * its frames, with a {@code Ping} every interval.
 */
final class SyncEndpoint {

	/** The backend's limits: 16 MiB a frame, 64 MiB a message. */
	static final WebsocketServerSpec SPEC = WebsocketServerSpec.builder()
		.maxFramePayloadLength(16 * 1024 * 1024)
		.build();

	private static final int MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

	private final Backend backend;

	private final ClientMessages parser;

	private final Duration pingInterval;

	private final int transitionChunkSize;

	SyncEndpoint(Backend backend, Duration pingInterval, int transitionChunkSize) {
		this.backend = backend;
		this.parser = new ClientMessages(backend.codec());
		this.pingInterval = pingInterval;
		this.transitionChunkSize = transitionChunkSize;
	}

	Publisher<Void> handle(WebsocketInbound inbound, WebsocketOutbound outbound) {
		SyncSession session = new SyncSession(this.backend, this.parser, this.transitionChunkSize);
		inbound.withConnection(session::attach);
		this.backend.register(session);
		Disposable pings = Flux.interval(this.pingInterval, this.pingInterval).subscribe((tick) -> session.ping());
		Mono<Void> received = inbound.aggregateFrames(MAX_MESSAGE_BYTES).receiveFrames().doOnNext((frame) -> {
			if (frame instanceof TextWebSocketFrame text) {
				session.receive(text.text());
			}
			else if (frame instanceof BinaryWebSocketFrame) {
				session.receiveBinary();
			}
		}).then();
		Mono<Void> sent = outbound.sendObject(session.frames()).then();
		return Mono.firstWithSignal(received, sent).doFinally((signal) -> {
			pings.dispose();
			session.ended();
		});
	}

}
