package io.convexspring.client;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.core.ParameterizedTypeReference;
import reactor.core.publisher.Mono;

import io.convexspring.codec.ConvexInt64;
import io.convexspring.codec.Int64;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link ConvexActionClient} against a stubbed deployment: the exact request it sends and the
 * results it hands back.
 */
class ConvexActionClientTests {

	@RegisterExtension
	static final WireMockExtension convex = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.build();

	static final ConvexAction<SendEmail, Receipt> SEND = ConvexAction.of("emails:send", SendEmail.class,
			Receipt.class);

	/** The {@code <name>-<semver>} the backend accepts, semver per semver.org. */
	private static final Pattern CLIENT_HEADER = Pattern.compile("java-spring-(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
			+ "(-((0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(\\.(0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
			+ "(\\+[0-9a-zA-Z-]+(\\.[0-9a-zA-Z-]+)*)?");

	private ConvexActionClient client() {
		return new ConvexActionClient(ConvexTransport.builder(convex.baseUrl()).build());
	}

	private void answer(String body) {
		convex.stubFor(post("/api/action").willReturn(okJson(body)));
	}

	private String sentBody() {
		List<LoggedRequest> requests = convex
			.findAll(postRequestedFor(urlEqualTo("/api/action")));
		assertThat(requests).hasSize(1);
		return requests.get(0).getBodyAsString();
	}

	@Test
	void sendsThePathArgumentsAndFormatToTheActionEndpoint() {
		answer(Wire.success("{\"id\":\"r1\",\"sentAt\":1732500000000}"));
		client().executeBlocking(SEND, new SendEmail("ada@example.com", "Hello"));
		convex.verify(1, postRequestedFor(urlEqualTo("/api/action"))
			.withHeader("Content-Type", equalTo("application/json"))
			.withRequestBody(equalToJson("{\"path\":\"emails:send\",\"args\":[{\"to\":\"ada@example.com\","
					+ "\"subject\":\"Hello\"}],\"format\":\"convex_encoded_json\"}")));
		assertThat(convex.getAllServeEvents()).hasSize(1);
	}

	@Test
	void sendsTheConvexClientHeaderAsNameDashSemver() {
		answer(Wire.success("null"));
		client().executeBlocking(SEND, new SendEmail("ada@example.com", "Hello"));
		String header = convex.findAll(postRequestedFor(urlEqualTo("/api/action"))).get(0).getHeader("Convex-Client");
		assertThat(header).matches(CLIENT_HEADER).isEqualTo(ClientHeader.VALUE);
	}

	@Test
	void sendsNoAuthorizationWithoutCredentials() {
		answer(Wire.success("null"));
		client().executeBlocking(SEND, new SendEmail("ada@example.com", "Hello"));
		convex.verify(1, postRequestedFor(urlEqualTo("/api/action")).withoutHeader("Authorization"));
	}

	@Test
	void sendsTheDeployKeyAsConvexAuthorization() {
		answer(Wire.success("null"));
		ConvexActionClient client = new ConvexActionClient(ConvexTransport.builder(convex.baseUrl())
			.credentials(ConvexCredentials.deployKey("prod:happy-otter-123|secretKey"))
			.build());
		client.executeBlocking(SEND, new SendEmail("ada@example.com", "Hello"));
		convex.verify(1, postRequestedFor(urlEqualTo("/api/action"))
			.withHeader("Authorization", equalTo("Convex prod:happy-otter-123|secretKey")));
	}

	@Test
	void withUserTokenSendsTheTokenAsBearerAuthorization() {
		answer(Wire.success("null"));
		ConvexActionClient anonymous = client();
		ConvexActionClient user = anonymous.withUserToken("eyJhbGciOiJSUzI1NiJ9.user.sig");
		user.executeBlocking(SEND, new SendEmail("ada@example.com", "Hello"));
		anonymous.executeBlocking(SEND, new SendEmail("ada@example.com", "Hello"));
		List<LoggedRequest> requests = convex
			.findAll(postRequestedFor(urlEqualTo("/api/action")));
		assertThat(requests).hasSize(2);
		assertThat(requests.get(0).getHeader("Authorization")).isEqualTo("Bearer eyJhbGciOiJSUzI1NiJ9.user.sig");
		assertThat(requests.get(1).containsHeader("Authorization")).isFalse();
	}

	@Test
	void withUserTokenOverridesTheTransportsDeployKey() {
		answer(Wire.success("null"));
		ConvexActionClient admin = new ConvexActionClient(ConvexTransport.builder(convex.baseUrl())
			.credentials(ConvexCredentials.deployKey("prod:happy-otter-123|secretKey"))
			.build());
		admin.withUserToken("user-jwt").executeBlocking(SEND, new SendEmail("ada@example.com", "Hello"));
		convex.verify(1, postRequestedFor(urlEqualTo("/api/action")).withHeader("Authorization",
				equalTo("Bearer user-jwt")));
	}

	@Test
	void actionWithoutArgumentsSendsAnEmptyObject() {
		answer(Wire.success("3"));
		ConvexAction<Void, Integer> flush = ConvexAction.of("emails:flush", Void.class, Integer.class);
		Integer flushed = client().executeBlocking(flush);
		assertThat(flushed).isEqualTo(3);
		assertThat(sentBody()).isEqualTo(
				"{\"path\":\"emails:flush\",\"args\":[{}],\"format\":\"convex_encoded_json\"}");
	}

	@Test
	void nullArgumentsSendAnEmptyObject() {
		answer(Wire.success("null"));
		client().executeBlocking(SEND, null);
		convex.verify(1, postRequestedFor(urlEqualTo("/api/action")).withRequestBody(
				equalToJson("{\"path\":\"emails:send\",\"args\":[{}],\"format\":\"convex_encoded_json\"}")));
	}

	@Test
	void beanArgumentsAreSentByTheirProperties() {
		answer(Wire.success("null"));
		EmailBean bean = new EmailBean();
		bean.setTo("ada@example.com");
		bean.setSubject("Hello");
		client().executeBlocking("emails:send", bean, Object.class);
		convex.verify(1, postRequestedFor(urlEqualTo("/api/action")).withRequestBody(equalToJson(
				"{\"path\":\"emails:send\",\"args\":[{\"to\":\"ada@example.com\",\"subject\":\"Hello\"}],"
						+ "\"format\":\"convex_encoded_json\"}")));
	}

	@Test
	void mapArgumentsAreSentAsAnObject() {
		answer(Wire.success("null"));
		Map<String, Object> args = new LinkedHashMap<>();
		args.put("to", "ada@example.com");
		args.put("tags", List.of("welcome", "onboarding"));
		args.put("attempt", 2);
		client().executeBlocking("emails:send", args, Object.class);
		convex.verify(1, postRequestedFor(urlEqualTo("/api/action")).withRequestBody(equalToJson(
				"{\"path\":\"emails:send\",\"args\":[{\"to\":\"ada@example.com\",\"tags\":[\"welcome\",\"onboarding\"],"
						+ "\"attempt\":2}],\"format\":\"convex_encoded_json\"}")));
	}

	@Test
	void int64FieldsAreSentAsDollarInteger() {
		answer(Wire.success("null"));
		long big = (1L << 53) + 1;
		client().executeBlocking("counters:set", new Counters(big, ConvexInt64.of(-7), List.of(1L, 2L)), Object.class);
		convex.verify(1, postRequestedFor(urlEqualTo("/api/action")).withRequestBody(equalToJson(
				"{\"path\":\"counters:set\",\"args\":[{\"total\":" + Wire.int64(big) + ",\"delta\":" + Wire.int64(-7)
						+ ",\"ids\":[" + Wire.int64(1) + "," + Wire.int64(2) + "]}],"
						+ "\"format\":\"convex_encoded_json\"}")));
	}

	@Test
	void longTimestampIsSentAsAPlainNumber() {
		answer(Wire.success("null"));
		client().executeBlocking("events:log", new Event("signup", 1732500000000L), Object.class);
		assertThat(sentBody()).isEqualTo("{\"path\":\"events:log\",\"args\":[{\"name\":\"signup\",\"at\":1732500000000}],"
				+ "\"format\":\"convex_encoded_json\"}");
	}

	@Test
	void longBeyondTwoToThe53IsRefusedBeforeAnyRequest() {
		answer(Wire.success("null"));
		ConvexAction<Event, Object> log = ConvexAction.of("events:log", Event.class, Object.class);
		ConvexActionClient client = client();
		assertThatExceptionOfType(ConvexArgumentException.class)
			.isThrownBy(() -> client.executeBlocking(log, new Event("signup", (1L << 53) + 1)))
			.satisfies((ex) -> {
				assertThat(ex.argumentPath()).isEqualTo("at");
				assertThat(ex.functionPath()).isEqualTo("events:log");
				assertThat(ex.functionKind()).isEqualTo(FunctionKind.ACTION);
				assertThat(ex.functionDidNotRun()).isTrue();
			})
			.withMessageContaining("Action events:log")
			.withMessageContaining("at at:")
			.withMessageContaining("9007199254740993")
			.withMessageContaining("@Int64");
		assertThat(convex.getAllServeEvents()).isEmpty();
	}

	@Test
	void unsafeLongDeepInTheArgumentsIsRefusedWithItsPath() {
		ConvexActionClient client = client();
		Cart cart = new Cart(List.of(new Item("a", 1), new Item("b", Long.MAX_VALUE)));
		assertThatExceptionOfType(ConvexArgumentException.class)
			.isThrownBy(() -> client.executeBlocking("carts:save", cart, Object.class))
			.satisfies((ex) -> assertThat(ex.argumentPath()).isEqualTo("items[1].qty"));
		assertThat(convex.getAllServeEvents()).isEmpty();
	}

	@Test
	void reactiveCallWithUnsendableArgumentsFailsOnSubscriptionWithoutARequest() {
		ConvexActionClient client = client();
		Mono<Object> call = client.execute("events:log", new Event("x", Long.MIN_VALUE),
				Object.class);
		assertThatExceptionOfType(ConvexArgumentException.class).isThrownBy(call::block);
		assertThat(convex.getAllServeEvents()).isEmpty();
	}

	@Test
	void dollarPrefixedMapKeyIsRefusedBeforeAnyRequest() {
		ConvexActionClient client = client();
		Map<String, Object> args = Map.of("filter", Map.of("$gt", 3));
		assertThatExceptionOfType(ConvexArgumentException.class)
			.isThrownBy(() -> client.executeBlocking("orders:find", args, Object.class))
			.withMessageContaining("Action orders:find")
			.withMessageContaining("$gt");
		assertThat(convex.getAllServeEvents()).isEmpty();
	}

	@Test
	void stringArgumentsAreRefusedBeforeAnyRequest() {
		ConvexAction<String, Object> echo = ConvexAction.of("misc:echo", String.class, Object.class);
		ConvexActionClient client = client();
		assertThatExceptionOfType(ConvexArgumentException.class).isThrownBy(() -> client.executeBlocking(echo, "hi"))
			.satisfies((ex) -> assertThat(ex.argumentPath()).isEmpty())
			.withMessageContaining("Action misc:echo")
			.withMessageContaining("java.lang.String");
		assertThat(convex.getAllServeEvents()).isEmpty();
	}

	@Test
	void listArgumentsAreRefusedBeforeAnyRequest() {
		ConvexActionClient client = client();
		assertThatExceptionOfType(ConvexArgumentException.class)
			.isThrownBy(() -> client.executeBlocking("misc:echo", List.of(1, 2), Object.class))
			.withMessageContaining("not a java.util");
		assertThat(convex.getAllServeEvents()).isEmpty();
	}

	@Test
	void recordResultIsDecodedIntoItsType() {
		answer(Wire.success("{\"id\":\"r1\",\"sentAt\":1732500000000,\"to\":[\"ada@example.com\"]}"));
		Receipt receipt = client().executeBlocking(SEND, new SendEmail("ada@example.com", "Hello"));
		assertThat(receipt).isEqualTo(new Receipt("r1", 1732500000000L, List.of("ada@example.com")));
	}

	@Test
	void reactiveCallEmitsTheDecodedResult() {
		answer(Wire.success("{\"id\":\"r1\",\"sentAt\":1}"));
		Receipt receipt = client().execute(SEND, new SendEmail("ada@example.com", "Hello")).block();
		assertThat(receipt).isEqualTo(new Receipt("r1", 1, null));
	}

	@Test
	void reactiveCallSendsNothingUntilSubscribed() {
		answer(Wire.success("null"));
		client().execute(SEND, new SendEmail("ada@example.com", "Hello"));
		assertThat(convex.getAllServeEvents()).isEmpty();
	}

	@Test
	void genericListResultIsDecodedThroughItsTypeReference() {
		answer(Wire.success("[{\"id\":\"o1\",\"quantity\":" + Wire.int64(2) + ",\"price\":19.99},"
				+ "{\"id\":\"o2\",\"quantity\":" + Wire.int64(5) + ",\"price\":5}]"));
		ConvexAction<Void, List<Order>> list = ConvexAction.of("orders:list", Void.class,
				new ParameterizedTypeReference<List<Order>>() {
				});
		List<Order> orders = client().executeBlocking(list);
		assertThat(orders).containsExactly(new Order("o1", 2, 19.99), new Order("o2", 5, 5.0));
	}

	@Test
	void untypedMapResultHoldsLongsDoublesAndBytes() {
		answer(Wire.success("{\"count\":" + Wire.int64(9_007_199_254_740_993L) + ",\"price\":19.99,\"qty\":3,"
				+ "\"blob\":" + Wire.bytes(new byte[] { 1, 2, (byte) 0xff }) + ",\"name\":\"x\"}"));
		ConvexAction<Void, Map<String, Object>> stats = ConvexAction.of("orders:stats", Void.class,
				new ParameterizedTypeReference<Map<String, Object>>() {
				});
		Map<String, Object> result = client().executeBlocking(stats);
		assertThat(result).containsEntry("count", 9_007_199_254_740_993L)
			.containsEntry("price", 19.99)
			.containsEntry("qty", 3.0)
			.containsEntry("name", "x");
		assertThat(result.get("blob")).isInstanceOf(byte[].class)
			.isEqualTo(new byte[] { 1, 2, (byte) 0xff });
	}

	@Test
	void int64ResultDecodesWithoutRounding() {
		answer(Wire.success(Wire.int64(Long.MAX_VALUE)));
		ConvexAction<Void, Long> next = ConvexAction.of("counters:next", Void.class, Long.class);
		assertThat(client().executeBlocking(next)).isEqualTo(Long.MAX_VALUE);
	}

	@Test
	void int64ResultDecodesIntoBigInteger() {
		answer(Wire.success(Wire.int64(-(1L << 60) - 3)));
		ConvexAction<Void, BigInteger> next = ConvexAction.of("counters:next", Void.class, BigInteger.class);
		assertThat(client().executeBlocking(next)).isEqualTo(BigInteger.valueOf(-(1L << 60) - 3));
	}

	@Test
	void bytesResultDecodesIntoAByteArray() {
		byte[] png = "\u0089PNG".getBytes(StandardCharsets.ISO_8859_1);
		answer(Wire.success(Wire.bytes(png)));
		ConvexAction<Void, byte[]> image = ConvexAction.of("images:get", Void.class, byte[].class);
		assertThat(client().executeBlocking(image)).isEqualTo(png);
	}

	@Test
	void nullResultIsNullWhenBlocking() {
		answer(Wire.success("null"));
		assertThat(client().executeBlocking(SEND, new SendEmail("ada@example.com", "Hello"))).isNull();
	}

	@Test
	void nullResultCompletesTheMonoEmpty() {
		answer(Wire.success("null"));
		assertThat(client().execute(SEND, new SendEmail("ada@example.com", "Hello")).hasElement().block()).isFalse();
	}

	@Test
	void voidResultIgnoresTheValue() {
		answer(Wire.success("{\"id\":\"r1\"}"));
		ConvexAction<SendEmail, Void> fire = ConvexAction.of("emails:send", SendEmail.class, Void.class);
		assertThat(client().executeBlocking(fire, new SendEmail("ada@example.com", "Hello"))).isNull();
	}

	@Test
	void clientsBoundToOtherCredentialsAreNewClients() {
		ConvexActionClient anonymous = client();
		ConvexActionClient user = anonymous.withUserToken("jwt");
		assertThat(user).isNotSameAs(anonymous);
		assertThat(anonymous.credentials()).isEqualTo(ConvexCredentials.none());
		assertThat(user.credentials().kind()).isEqualTo(ConvexCredentials.Kind.USER_TOKEN);
		assertThat(user.transport()).isSameAs(anonymous.transport());
		assertThat(anonymous.withCredentials(ConvexCredentials.deployKey("k")).credentials())
			.isEqualTo(ConvexCredentials.deployKey("k"));
	}

	@Test
	void invalidPathIsRefusedWhenCalledByPath() {
		ConvexActionClient client = client();
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> client.executeBlocking("emails:1send", null, Object.class))
			.withMessageContaining("emails:1send");
		assertThat(convex.getAllServeEvents()).isEmpty();
	}

	record SendEmail(String to, String subject) {
	}

	record Receipt(String id, long sentAt, List<String> to) {
	}

	record Event(String name, long at) {
	}

	record Counters(@Int64 long total, ConvexInt64 delta, @Int64 List<Long> ids) {
	}

	record Cart(List<Item> items) {
	}

	record Item(String sku, long qty) {
	}

	record Order(String id, @Int64 long quantity, double price) {
	}

	static class EmailBean {

		private String to;

		private String subject;

		public String getTo() {
			return this.to;
		}

		public void setTo(String to) {
			this.to = to;
		}

		public String getSubject() {
			return this.subject;
		}

		public void setSubject(String subject) {
			this.subject = subject;
		}

	}

}
