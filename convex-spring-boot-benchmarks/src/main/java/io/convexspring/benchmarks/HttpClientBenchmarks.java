package io.convexspring.benchmarks;

import java.net.URI;
import java.util.concurrent.TimeUnit;

import io.netty.channel.ChannelOption;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import io.convexspring.benchmarks.Payloads.EmailReceipt;
import io.convexspring.client.BenchmarkAccess;
import io.convexspring.client.ConvexActionClient;
import io.convexspring.client.ConvexPoolSettings;
import io.convexspring.client.ConvexTransport;
import io.convexspring.codec.ConvexCodec;

/**
 * One {@code emails:send} call over loopback HTTP, three ways, against the same server with the
 * same bytes: a raw {@link WebClient} posting the request body the client would send and
 * reading the answer as {@code byte[]} (the bar), and {@link ConvexActionClient}'s
 * {@code execute(...).block()} and {@code executeBlocking(...)}, which also encode the
 * arguments and decode the envelope into a record.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
// a longer warm-up than the codec's: the HTTP path is deep, and C2 compiles it only after
// thousands of calls, which a loaded 2-core machine makes slowly
@Warmup(iterations = 5, time = 4)
@Measurement(iterations = 5, time = 2)
public class HttpClientBenchmarks {

	LoopbackConvexServer server;

	ConvexActionClient client;

	WebClient rawWebClient;

	URI actionEndpoint;

	/** What the client sends for {@link Payloads#ARGS}, from its own writer. */
	byte[] requestBody;

	@Setup(Level.Trial)
	public void start() {
		start(LoopbackConvexServer.start(Payloads.EMAIL_ENVELOPE));
	}

	/** Starts the clients against a server of the caller's. */
	void start(LoopbackConvexServer server) {
		this.server = server;
		this.actionEndpoint = this.server.actionEndpoint();
		ConvexCodec codec = ConvexCodec.create();
		this.client = new ConvexActionClient(ConvexTransport.builder(this.server.url()).codec(codec).build());
		this.requestBody = new BenchmarkAccess(codec).writeActionRequest(Payloads.SEND_EMAIL_PATH, Payloads.ARGS);
		this.rawWebClient = pooledRawWebClient();
	}

	/**
	 * A WebClient with the connector settings ConvexTransport uses by default: the connect
	 * timeout, and a pool of its own as large as the transport's (Reactor Netty's global pool
	 * would refuse calls beyond 1,500 in flight).
	 */
	static WebClient pooledRawWebClient() {
		ConvexPoolSettings pool = ConvexPoolSettings.defaults();
		ConnectionProvider provider = ConnectionProvider.builder("raw-webclient")
			.maxConnections(pool.maxConnections())
			.pendingAcquireMaxCount(pool.pendingAcquireMaxCount())
			.pendingAcquireTimeout(pool.pendingAcquireTimeout())
			.maxIdleTime(pool.maxIdleTime())
			.build();
		HttpClient httpClient = HttpClient.create(provider)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) ConvexTransport.DEFAULT_CONNECT_TIMEOUT.toMillis());
		return WebClient.builder().clientConnector(new ReactorClientHttpConnector(httpClient)).build();
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.client.transport().close();
		this.server.close();
	}

	@Benchmark
	public byte[] rawWebClient() {
		return rawWebClientCall().block();
	}

	/** The raw call, not yet subscribed, for running many at once. */
	Mono<byte[]> rawWebClientCall() {
		return this.rawWebClient.post()
			.uri(this.actionEndpoint)
			.contentType(MediaType.APPLICATION_JSON)
			.header(BenchmarkAccess.CLIENT_HEADER_NAME, BenchmarkAccess.CLIENT_HEADER_VALUE)
			.bodyValue(this.requestBody)
			.retrieve()
			.bodyToMono(byte[].class);
	}

	/** The client's call, not yet subscribed, for running many at once. */
	Mono<EmailReceipt> convexClientCall() {
		return this.client.execute(Payloads.SEND_EMAIL, Payloads.ARGS);
	}

	@Benchmark
	public EmailReceipt convexClient() {
		return this.client.execute(Payloads.SEND_EMAIL, Payloads.ARGS).block();
	}

	@Benchmark
	public EmailReceipt convexClientBlocking() {
		return this.client.executeBlocking(Payloads.SEND_EMAIL, Payloads.ARGS);
	}

}
