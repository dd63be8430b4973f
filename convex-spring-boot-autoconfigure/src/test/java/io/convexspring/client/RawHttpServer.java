package io.convexspring.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A one-connection HTTP server on a plain {@link ServerSocket}, for what WireMock cannot show:
 * it reads one request, then either never answers and reports when the client gives up the
 * connection (EOF or reset), or writes raw bytes and closes.
 */
final class RawHttpServer implements AutoCloseable {

	private final ServerSocket server;

	private final byte[] answer;

	private final CompletableFuture<String> request = new CompletableFuture<>();

	private final CompletableFuture<String> clientGaveUp = new CompletableFuture<>();

	private final Thread thread;

	private RawHttpServer(byte[] answer) throws IOException {
		this.server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
		this.answer = answer;
		this.thread = new Thread(this::serve, "raw-http-server");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/** A server that reads the request and never answers. */
	static RawHttpServer neverAnswering() throws IOException {
		return new RawHttpServer(null);
	}

	/** A server that reads the request, writes these bytes, and closes the connection. */
	static RawHttpServer answering(String rawResponse) throws IOException {
		return new RawHttpServer(rawResponse.getBytes(StandardCharsets.ISO_8859_1));
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getLocalPort();
	}

	/** Waits for the request; returns its head and body as text. */
	String awaitRequest(Duration timeout) throws Exception {
		return this.request.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * Waits until the client closes or resets the connection.
	 * @return how the client gave up ({@code EOF} or the reset's message)
	 * @throws TimeoutException if the connection is still open
	 */
	String awaitClientGaveUp(Duration timeout) throws Exception {
		return this.clientGaveUp.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** Whether the client closed or reset the connection within the time. */
	boolean clientGaveUpWithin(Duration timeout) throws Exception {
		try {
			awaitClientGaveUp(timeout);
			return true;
		}
		catch (TimeoutException ex) {
			return false;
		}
	}

	private void serve() {
		try (Socket socket = this.server.accept()) {
			socket.setSoTimeout(10_000);
			InputStream in = socket.getInputStream();
			this.request.complete(readRequest(in));
			if (this.answer != null) {
				socket.getOutputStream().write(this.answer);
				socket.getOutputStream().flush();
				return;
			}
			try {
				while (in.read() != -1) {
					// a client that gave up sends nothing more
				}
				this.clientGaveUp.complete("EOF");
			}
			catch (SocketTimeoutException ex) {
				this.clientGaveUp.completeExceptionally(ex);
			}
			catch (IOException ex) {
				this.clientGaveUp.complete(String.valueOf(ex.getMessage()));
			}
		}
		catch (IOException ex) {
			this.request.completeExceptionally(ex);
			this.clientGaveUp.completeExceptionally(ex);
		}
	}

	private static String readRequest(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int matched = 0;
		while (matched < 4) {
			int b = in.read();
			if (b == -1) {
				throw new IOException("the client closed before the request was complete");
			}
			head.write(b);
			matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : ((b == '\r') ? 1 : 0);
		}
		String headText = head.toString(StandardCharsets.ISO_8859_1);
		int length = 0;
		for (String line : headText.split("\r\n")) {
			if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
				length = Integer.parseInt(line.substring("content-length:".length()).trim());
			}
		}
		byte[] body = in.readNBytes(length);
		return headText + new String(body, StandardCharsets.UTF_8);
	}

	@Override
	public void close() throws IOException {
		this.server.close();
	}

}
