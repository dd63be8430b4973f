package io.convexspring.live;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.WebsocketServerSpec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sync-protocol server for tests, on 127.0.0.1: it accepts WebSockets on {@code /api/sync}
 * and hands each to the test as a {@link ScriptedSocket}, which reads the client's frames and
 * writes whatever frames the test chooses.
 */
public final class SyncTestServer implements AutoCloseable {

	public static final Duration WAIT = Duration.ofSeconds(10);

	private final BlockingQueue<ScriptedSocket> accepted = new LinkedBlockingQueue<>();

	private final DisposableServer server;

	private SyncTestServer() {
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.route((routes) -> routes.ws("/api/sync", (in, out) -> {
				ScriptedSocket socket = new ScriptedSocket(in, out);
				this.accepted.add(socket);
				return socket.run();
			}, WebsocketServerSpec.builder().maxFramePayloadLength(64 * 1024 * 1024).build()))
			.bindNow();
	}

	public static SyncTestServer start() {
		return new SyncTestServer();
	}

	/** The deployment URL a client is given: http, so the client asks for ws. */
	public String url() {
		return "http://127.0.0.1:" + this.server.port();
	}

	/** Waits for the next socket a client opens. */
	public ScriptedSocket accept() {
		try {
			ScriptedSocket socket = this.accepted.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
			assertThat(socket).as("a client socket within " + WAIT).isNotNull();
			return socket;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Whether a client opens another socket within the time given. */
	public boolean acceptsWithin(Duration time) {
		try {
			ScriptedSocket socket = this.accepted.poll(time.toMillis(), TimeUnit.MILLISECONDS);
			if (socket != null) {
				this.accepted.add(socket);
			}
			return socket != null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		this.server.disposeNow(Duration.ofSeconds(5));
	}

}
