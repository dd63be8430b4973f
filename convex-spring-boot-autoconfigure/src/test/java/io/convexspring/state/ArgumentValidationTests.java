package io.convexspring.state;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import jakarta.validation.Valid;
import jakarta.validation.ValidationException;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.HibernateValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.convexspring.client.ConvexAction;
import io.convexspring.client.ConvexActionClient;
import io.convexspring.client.ConvexArgumentException;
import io.convexspring.client.ConvexException;
import io.convexspring.client.ConvexTransport;
import io.convexspring.client.ConvexValidationException;
import io.convexspring.client.ConvexValidationException.Violation;
import io.convexspring.client.FunctionKind;

import static io.convexspring.state.SendEmail.SEND;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Validation of a handle's arguments against their constraint annotations, before any request.
 */
class ArgumentValidationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	@RegisterExtension
	static final WireMockExtension convex = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.build();

	static final ConvexAction<PlaceOrder, Receipt> PLACE = ConvexAction.of("orders:place", PlaceOrder.class,
			Receipt.class);

	private static final Validator ENGLISH = Validation.english();

	private ConvexActionClient client(ArgumentValidator validator) {
		convex.stubFor(post("/api/action").willReturn(okJson("{\"status\":\"success\",\"value\":{\"id\":\"r1\"}}")));
		return new ConvexActionClient(ConvexTransport.builder(convex.baseUrl()).build(), validator);
	}

	private ConvexActionClient client() {
		return client(new BeanValidationArgumentValidator(ENGLISH));
	}

	private static int requests() {
		return convex.findAll(postRequestedFor(urlEqualTo("/api/action"))).size();
	}

	@Test
	void aViolationFailsTheExecutionListingEveryFieldWithoutARequest() {
		ConvexActionHandle<SendEmail, Receipt> send = client().action(SEND);
		assertThatExceptionOfType(ConvexValidationException.class)
			.isThrownBy(() -> send.executeBlocking(new SendEmail("not-an-email", " ")))
			.satisfies((ex) -> {
				assertThat(ex.violations()).containsExactly(new Violation("subject", "must not be blank"),
						new Violation("to", "must be a well-formed email address"));
				assertThat(ex).hasMessage("Action emails:send: the arguments cannot be sent: 2 constraint violations: "
						+ "subject: must not be blank; to: must be a well-formed email address");
				assertThat(ex.argumentPath()).isEmpty();
				assertThat(ex.functionDidNotRun()).isTrue();
				assertThat(ex.functionKind()).isEqualTo(FunctionKind.ACTION);
				assertThat(ex.functionPath()).isEqualTo("emails:send");
				assertThat(ex).isInstanceOf(ConvexArgumentException.class).isInstanceOf(ConvexException.class);
			});
		assertThat(requests()).isZero();
		assertThat(send.status()).isEqualTo(ActionStatus.ERROR);
		assertThat(send.error()).isInstanceOf(ConvexValidationException.class);
	}

	@Test
	void aSingleViolationNamesItsField() {
		ConvexActionHandle<SendEmail, Receipt> send = client().action(SEND);
		ActionResult<Receipt> outcome = send.executeSafe(new SendEmail("ada@example.com", "x".repeat(21)))
			.block(TIMEOUT);
		assertThat(outcome.errorOrNull()).isInstanceOfSatisfying(ConvexValidationException.class, (ex) -> {
			assertThat(ex.argumentPath()).isEqualTo("subject");
			assertThat(ex).hasMessage(
					"Action emails:send: the arguments cannot be sent: at subject: size must be between 0 and 20");
		});
		assertThat(requests()).isZero();
	}

	@Test
	void theReactiveExecutionFailsWithoutARequestAndCallsOnError() {
		AtomicReference<ConvexException> onError = new AtomicReference<>();
		ConvexActionHandle<SendEmail, Receipt> send = client()
			.action(SEND, ActionOptions.forAction(SEND).onError((error, args) -> onError.set(error)));
		assertThatExceptionOfType(ConvexValidationException.class)
			.isThrownBy(() -> send.execute(new SendEmail("", "Hello")).block(TIMEOUT));
		assertThat(onError.get()).isInstanceOf(ConvexValidationException.class);
		assertThat(requests()).isZero();
	}

	@Test
	void validArgumentsAreSent() {
		ConvexActionHandle<SendEmail, Receipt> send = client().action(SEND);
		assertThat(send.executeBlocking(SendEmail.valid())).isEqualTo(new Receipt("r1"));
		assertThat(requests()).isOne();
	}

	@Test
	void nestedArgumentsMarkedValidAreCheckedWithTheirPath() {
		ConvexActionHandle<PlaceOrder, Receipt> place = client().action(PLACE);
		assertThatExceptionOfType(ConvexValidationException.class)
			.isThrownBy(() -> place.executeBlocking(new PlaceOrder(new Customer(""), List.of("sku-1"))))
			.satisfies((ex) -> assertThat(ex.violations())
				.containsExactly(new Violation("customer.name", "must not be blank")));
		assertThat(requests()).isZero();
	}

	@Test
	void validationCanBeTurnedOffPerHandle() {
		ConvexActionHandle<SendEmail, Receipt> send = client()
			.action(SEND, ActionOptions.forAction(SEND).validate(false));
		assertThat(send.executeBlocking(new SendEmail("not-an-email", ""))).isEqualTo(new Receipt("r1"));
		assertThat(requests()).isOne();
	}

	@Test
	void noArgumentsAreNotValidated() {
		ConvexActionHandle<SendEmail, Receipt> send = client().action(SEND);
		assertThat(send.executeBlocking(null)).isEqualTo(new Receipt("r1"));
		assertThat(requests()).isOne();
	}

	@Test
	void aValidatorThatCannotCheckTheArgumentsFailsWithAnArgumentException() {
		Validator broken = (Validator) Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { Validator.class }, (proxy, method, args) -> {
					throw new ValidationException("no validator for this constraint");
				});
		ConvexActionHandle<SendEmail, Receipt> send = client(new BeanValidationArgumentValidator(broken)).action(SEND);
		assertThatExceptionOfType(ConvexArgumentException.class)
			.isThrownBy(() -> send.executeBlocking(SendEmail.valid()))
			.isNotInstanceOf(ConvexValidationException.class)
			.withMessageContaining("could not be validated")
			.withMessageContaining("no validator for this constraint");
		assertThat(requests()).isZero();
	}

	@Test
	void detectUsesTheDefaultProviderWhenOneIsOnTheClassPath() {
		ConvexActionHandle<SendEmail, Receipt> send = client(ArgumentValidator.detect()).action(SEND);
		assertThatExceptionOfType(ConvexValidationException.class)
			.isThrownBy(() -> send.executeBlocking(new SendEmail("not-an-email", "Hello")))
			.satisfies((ex) -> assertThat(ex.violations()).extracting(Violation::field).containsExactly("to"));
		assertThat(requests()).isZero();
	}

	@Test
	void theClientValidatesWithTheDefaultProviderUnlessGivenAValidator() {
		ConvexActionHandle<SendEmail, Receipt> send = new ConvexActionClient(
				ConvexTransport.builder(convex.baseUrl()).build())
			.action(SEND);
		assertThatExceptionOfType(ConvexValidationException.class)
			.isThrownBy(() -> send.executeBlocking(new SendEmail("not-an-email", "Hello")));
		assertThat(client(ArgumentValidator.none()).action(SEND).executeBlocking(new SendEmail("not-an-email", "")))
			.isEqualTo(new Receipt("r1"));
	}

	@Test
	void theValidatorTravelsWithClientsBoundToOtherCredentials() {
		ConvexActionHandle<SendEmail, Receipt> send = client().withUserToken("user-jwt").action(SEND);
		assertThatExceptionOfType(ConvexValidationException.class)
			.isThrownBy(() -> send.executeBlocking(new SendEmail("not-an-email", "Hello")));
		assertThat(requests()).isZero();
	}

	@Test
	void aValidationExceptionNeedsAtLeastOneViolation() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ConvexValidationException(FunctionKind.ACTION, "emails:send", List.of()));
		assertThat(new Violation("", "dates are out of order")).hasToString("dates are out of order");
	}

	record PlaceOrder(@Valid @NotNull Customer customer, List<String> skus) {
	}

	record Customer(@NotBlank String name) {
	}

	/** Validators whose messages do not depend on the machine's locale. */
	static final class Validation {

		static Validator english() {
			return jakarta.validation.Validation.byProvider(HibernateValidator.class)
				.configure()
				.defaultLocale(Locale.ENGLISH)
				.locales(Locale.ENGLISH)
				.buildValidatorFactory()
				.getValidator();
		}

	}

}
