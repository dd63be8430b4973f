package io.convexspring.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A keep-alive HTTP/1.1 server on plain sockets that answers each request with the next of
 * its scripted raw answers (the last one repeats), on as many connections as the client
 * opens: for bad servers whose effect shows on the next call over the same connection.
 */
final class ScriptedHttpServer implements AutoCloseable {

	/** Writes one raw answer; may pause between bytes. */
	@FunctionalInterface
	interface Answer {

		void write(OutputStream out) throws IOException, InterruptedException;

	}

	private final ServerSocket server;

	private final List<Answer> answers;

	private final AtomicInteger requests = new AtomicInteger();

	private final AtomicInteger connections = new AtomicInteger();

	private final CountDownLatch clientClosed = new CountDownLatch(1);

	private final List<Integer> connectionOfRequest = new CopyOnWriteArrayList<>();

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private ScriptedHttpServer(List<Answer> answers) throws IOException {
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		this.answers = answers;
		Thread acceptor = new Thread(this::accept, "scripted-http-server");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	static ScriptedHttpServer answering(Answer... answers) throws IOException {
		return new ScriptedHttpServer(List.of(answers));
	}

	/** A complete raw answer, written at once. */
	static Answer raw(String response) {
		byte[] bytes = response.getBytes(StandardCharsets.ISO_8859_1);
		return (out) -> {
			out.write(bytes);
			out.flush();
		};
	}

	/** Writes the answer, then closes the connection. */
	static Answer thenClose(Answer answer) {
		return (out) -> {
			answer.write(out);
			throw new CloseConnection();
		};
	}

	/** Ends the connection after an answer. */
	private static final class CloseConnection extends IOException {

		CloseConnection() {
			super("closed after the answer", null);
		}

	}

	/** Raw bytes, written at once. */
	static Answer raw(byte[] response) {
		return (out) -> {
			out.write(response);
			out.flush();
		};
	}

	/** A 200 whose body is the given JSON, with a right Content-Length. */
	static Answer ok(String json) {
		return raw(ok(json.getBytes(StandardCharsets.UTF_8)));
	}

	/** A 200 head and body, with a right Content-Length. */
	static byte[] ok(byte[] body) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
				+ "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
		out.writeBytes(body);
		return out.toByteArray();
	}

	/** The head at once, then the body one byte per interval. */
	static Answer trickle(String json, Duration perByte) {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		return (out) -> {
			out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
					+ "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			for (byte b : body) {
				Thread.sleep(perByte.toMillis());
				out.write(b);
				out.flush();
			}
		};
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getLocalPort();
	}

	int requests() {
		return this.requests.get();
	}

	int connections() {
		return this.connections.get();
	}

	/** The connection (numbered from 0 in the order accepted) that each request came on. */
	List<Integer> connectionOfEachRequest() {
		return List.copyOf(this.connectionOfRequest);
	}

	/** Whether the client closed a connection (EOF or reset) within the time. */
	boolean clientClosedAConnectionWithin(Duration timeout) throws InterruptedException {
		return this.clientClosed.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket socket = this.server.accept();
				this.sockets.add(socket);
				int connection = this.connections.getAndIncrement();
				Thread handler = new Thread(() -> serve(socket, connection), "scripted-http-connection-" + connection);
				handler.setDaemon(true);
				handler.start();
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void serve(Socket socket, int connection) {
		try (socket) {
			InputStream in = socket.getInputStream();
			OutputStream out = socket.getOutputStream();
			while (readRequest(in)) {
				int request = this.requests.getAndIncrement();
				this.connectionOfRequest.add(connection);
				this.answers.get(Math.min(request, this.answers.size() - 1)).write(out);
			}
			this.clientClosed.countDown();
		}
		catch (CloseConnection ex) {
			// the server's own close, not the client's
		}
		catch (IOException ex) {
			// a reset, or a write to a connection the client closed: it gave the connection up
			this.clientClosed.countDown();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Reads one request; {@code false} at the end of the stream. */
	private static boolean readRequest(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int matched = 0;
		while (matched < 4) {
			int b = in.read();
			if (b == -1) {
				return false;
			}
			head.write(b);
			matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : ((b == '\r') ? 1 : 0);
		}
		int length = 0;
		for (String line : head.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
			if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
				length = Integer.parseInt(line.substring("content-length:".length()).trim());
			}
		}
		in.readNBytes(length);
		return true;
	}

	@Override
	public void close() throws IOException {
		this.server.close();
		for (Socket socket : this.sockets) {
			socket.close();
		}
	}

}
