package io.convexspring.live;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.Connection;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One client socket on the {@link SyncTestServer}: the test reads what the client sent, frame
 * by frame, and writes frames of its choosing. It tracks the versions the client sent, so
 * that {@link #transition} can write the Transition a correct server would.
 */
public final class ScriptedSocket {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final WebsocketInbound in;

	private final WebsocketOutbound out;

	private final BlockingQueue<String> received = new LinkedBlockingQueue<>();

	private final Sinks.Many<WebSocketFrame> outbound = Sinks.many().unicast().onBackpressureBuffer();

	private final CountDownLatch closed = new CountDownLatch(1);

	private final AtomicInteger pongs = new AtomicInteger();

	private volatile @Nullable WebSocketCloseStatus closeStatus;

	private volatile @Nullable Connection connection;

	private StateVersion sent = StateVersion.INITIAL;

	private int querySetReceived;

	private int identityReceived;

	private final java.util.Set<Integer> querySet = java.util.concurrent.ConcurrentHashMap.newKeySet();

	ScriptedSocket(WebsocketInbound in, WebsocketOutbound out) {
		this.in = in;
		this.out = out;
	}

	public Mono<Void> run() {
		this.in.withConnection((c) -> this.connection = c);
		this.in.receiveCloseStatus().subscribe((status) -> this.closeStatus = status, (error) -> {
		});
		Mono<Void> receive = this.in.aggregateFrames(64 * 1024 * 1024).receiveFrames().doOnNext((frame) -> {
			if (frame instanceof TextWebSocketFrame text) {
				this.received.add(text.text());
			}
			else if (frame instanceof PongWebSocketFrame) {
				this.pongs.incrementAndGet();
			}
		}).then().doFinally((signal) -> {
			this.outbound.tryEmitComplete();
			this.closed.countDown();
		});
		return Mono.when(this.out.sendObject(this.outbound.asFlux()).then(), receive);
	}

	public HttpHeaders headers() {
		return this.in.headers();
	}

	/** The next frame the client sent, as JSON. */
	public JsonNode next() {
		try {
			String text = this.received.poll(SyncTestServer.WAIT.toMillis(), TimeUnit.MILLISECONDS);
			assertThat(text).as("a frame from the client within " + SyncTestServer.WAIT).isNotNull();
			JsonNode frame = JSON.readTree(text);
			track(frame);
			return frame;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The next frame, which must be of the type given. */
	public JsonNode next(String type) {
		JsonNode frame = next();
		assertThat(frame.path("type").asString()).as("the type of " + frame).isEqualTo(type);
		return frame;
	}

	/** The next frame of the type given, skipping query set changes before it. */
	public JsonNode nextAfterQuerySets(String type) {
		JsonNode frame = next();
		while (!type.equals("ModifyQuerySet") && frame.path("type").asString().equals("ModifyQuerySet")) {
			frame = next();
		}
		assertThat(frame.path("type").asString()).as("the type of " + frame).isEqualTo(type);
		return frame;
	}

	/** Whether the client sends nothing more within the time given. */
	public boolean silentFor(Duration time) {
		try {
			String text = this.received.poll(time.toMillis(), TimeUnit.MILLISECONDS);
			if (text != null) {
				track(JSON.readTree(text));
			}
			return text == null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Checks the versions chain as the server does (§5.8), and remembers them. */
	private void track(JsonNode frame) {
		switch (frame.path("type").asString()) {
			case "ModifyQuerySet" -> {
				assertThat(frame.get("baseVersion").asInt()).as("the query set's base version").isEqualTo(this.querySetReceived);
				assertThat(frame.get("newVersion").asInt()).isEqualTo(this.querySetReceived + 1);
				this.querySetReceived = frame.get("newVersion").asInt();
				if (frame.get("baseVersion").asInt() == 0) {
					this.querySet.clear();
				}
				for (JsonNode modification : frame.get("modifications")) {
					int queryId = modification.get("queryId").asInt();
					if (modification.get("type").asString().equals("Add")) {
						assertThat(this.querySet.add(queryId)).as("query " + queryId + " added once").isTrue();
					}
					else {
						assertThat(this.querySet.remove(queryId)).as("query " + queryId + " removed once added").isTrue();
					}
				}
			}
			case "Authenticate" -> {
				assertThat(frame.get("baseVersion").asInt()).as("the identity's base version").isEqualTo(this.identityReceived);
				this.identityReceived = frame.get("baseVersion").asInt() + 1;
			}
			default -> {
			}
		}
	}

	public void send(String frame) {
		this.outbound.tryEmitNext(new TextWebSocketFrame(frame));
	}

	/** Writes the Transition a correct server would: from the last one sent to what was received. */
	public void transition(long ts, String... modifications) {
		StateVersion end = new StateVersion(this.querySetReceived, this.identityReceived, ts);
		transition(this.sent, end, modifications);
	}

	public void transition(StateVersion start, StateVersion end, String... modifications) {
		send(Frames.transition(start, end, modifications));
		this.sent = end;
	}

	/** The query ids in the set, as the client's frames so far built it. */
	public java.util.Set<Integer> querySet() {
		return java.util.Set.copyOf(this.querySet);
	}

	public StateVersion lastSent() {
		return this.sent;
	}

	public void ping() {
		this.outbound.tryEmitNext(new PingWebSocketFrame(Unpooled.wrappedBuffer(new byte[] { 1, 2, 3 })));
	}

	public int pongs() {
		return this.pongs.get();
	}

	/** Closes with a close frame, as the server does. */
	public void close(int code, String reason) {
		this.out.sendClose(code, reason).subscribe(null, (error) -> {
			// the client closed first
		});
	}

	/** Drops the TCP connection without a close frame, as a network failure does. */
	public void drop() {
		Connection current = this.connection;
		if (current != null) {
			current.dispose();
		}
	}

	/** Waits until the client has closed, or the connection ended. */
	public boolean awaitClosed(Duration time) {
		try {
			return this.closed.await(time.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Nullable WebSocketCloseStatus closeStatus() {
		return this.closeStatus;
	}

}
