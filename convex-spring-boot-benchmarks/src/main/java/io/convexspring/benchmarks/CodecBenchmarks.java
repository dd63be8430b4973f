package io.convexspring.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

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
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.core.ParameterizedTypeReference;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import io.convexspring.benchmarks.Payloads.EmailReceipt;
import io.convexspring.benchmarks.Payloads.Order;
import io.convexspring.client.BenchmarkAccess;
import io.convexspring.codec.ConvexCodec;

/**
 * The client's own request writer and response reader without HTTP: encoding the
 * {@code emails:send} body, decoding its envelope into a record, decoding a larger result (100
 * orders with int64 and bytes), and, as a yardstick, plain Jackson binding the same envelope.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CodecBenchmarks {

	/** The success envelope, as plain Jackson would bind it. */
	record Envelope<T>(String status, T value, List<String> logLines) {
	}

	BenchmarkAccess access;

	JavaType receiptType;

	JavaType ordersType;

	byte[] ordersEnvelope;

	ObjectReader plainEnvelopeReader;

	@Setup(Level.Trial)
	public void start() {
		ConvexCodec codec = ConvexCodec.create();
		this.access = new BenchmarkAccess(codec);
		this.receiptType = codec.javaType(EmailReceipt.class);
		this.ordersType = codec.javaType(new ParameterizedTypeReference<List<Order>>() {
		}.getType());
		this.ordersEnvelope = Payloads.ordersEnvelope(codec);
		JsonMapper plain = JsonMapper.builder().build();
		this.plainEnvelopeReader = plain
			.readerFor(plain.getTypeFactory().constructParametricType(Envelope.class, EmailReceipt.class));
	}

	@Benchmark
	public byte[] encodeRequest() {
		return this.access.writeActionRequest(Payloads.SEND_EMAIL_PATH, Payloads.ARGS);
	}

	@Benchmark
	public EmailReceipt decodeEnvelope() {
		return (EmailReceipt) this.access.readActionResponse(Payloads.SEND_EMAIL_PATH,
				Payloads.EMAIL_ENVELOPE, this.receiptType);
	}

	@Benchmark
	@SuppressWarnings("unchecked")
	public List<Order> decodeOrders() {
		return (List<Order>) this.access.readActionResponse(Payloads.SEND_EMAIL_PATH,
				this.ordersEnvelope, this.ordersType);
	}

	/** Yardstick: plain Jackson, no Convex rules, binding the same envelope in one pass. */
	@Benchmark
	public EmailReceipt decodeEnvelopePlainJackson() {
		Envelope<EmailReceipt> envelope = this.plainEnvelopeReader
			.readValue(Payloads.EMAIL_ENVELOPE);
		return envelope.value();
	}

}
