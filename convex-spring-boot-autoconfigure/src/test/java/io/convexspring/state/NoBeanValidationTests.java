package io.convexspring.state;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.util.ClassUtils;
import org.springframework.web.reactive.function.client.ClientResponse;
import reactor.core.publisher.Mono;

import io.convexspring.client.ConvexAction;
import io.convexspring.client.ConvexActionClient;
import io.convexspring.client.ConvexTransport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Handles without Jakarta Bean Validation on the class path: the scenario runs in a class
 * loader that holds the whole test class path except Bean Validation, so any eager reference
 * to it would fail with {@link NoClassDefFoundError}.
 */
class NoBeanValidationTests {

	@Test
	void handlesWorkWithoutBeanValidationAndSendArgumentsUnchecked() throws Exception {
		try (WithoutBeanValidation loader = new WithoutBeanValidation()) {
			Class<?> scenario = Class.forName(Scenario.class.getName(), true, loader);
			assertThat(scenario.getClassLoader()).isSameAs(loader);
			@SuppressWarnings("unchecked")
			Callable<String> run = (Callable<String>) scenario.getDeclaredConstructor().newInstance();
			assertThat(run.call()).isEqualTo("bean validation present: false, SUCCESS Receipt[id=r1], requests: 2");
		}
	}

	/**
	 * Runs inside {@link WithoutBeanValidation}: a client made without a validator, a handle
	 * with arguments that break their annotations, executed twice.
	 */
	public static final class Scenario implements Callable<String> {

		@Override
		public String call() {
			boolean present = ClassUtils.isPresent("jakarta.validation.Validation", getClass().getClassLoader());
			AtomicInteger requests = new AtomicInteger();
			ConvexTransport transport = ConvexTransport.builder("http://localhost")
				.customizeWebClient((builder) -> builder.exchangeFunction((request) -> {
					requests.incrementAndGet();
					return Mono.just(ClientResponse.create(HttpStatus.OK)
						.header("Content-Type", "application/json")
						.body("{\"status\":\"success\",\"value\":{\"id\":\"r1\"}}")
						.build());
				}))
				.build();
			ConvexAction<SendEmail, Receipt> send = ConvexAction.of("emails:send", SendEmail.class, Receipt.class);
			ConvexActionHandle<SendEmail, Receipt> handle = new ConvexActionClient(transport).action(send);
			handle.executeBlocking(new SendEmail("not-an-email", ""));
			new ConvexActionClient(transport, ArgumentValidator.detect()).action(send)
				.executeSafeBlocking(new SendEmail("", ""))
				.orElseThrow();
			return "bean validation present: " + present + ", " + handle.status() + " " + handle.data() + ", requests: "
					+ requests.get();
		}

	}

	/** The test class path, less Jakarta Bean Validation and its provider. */
	static final class WithoutBeanValidation extends URLClassLoader {

		WithoutBeanValidation() throws MalformedURLException {
			super(classPath(), ClassLoader.getPlatformClassLoader());
		}

		@Override
		protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
			if (name.startsWith("jakarta.validation.") || name.startsWith("org.hibernate.validator.")) {
				throw new ClassNotFoundException(name + " is hidden from this test");
			}
			return super.loadClass(name, resolve);
		}

		@Override
		public URL getResource(String name) {
			return (name.startsWith("jakarta/validation/") || name.startsWith("org/hibernate/validator/")) ? null
					: super.getResource(name);
		}

		private static URL[] classPath() throws MalformedURLException {
			List<URL> urls = new ArrayList<>();
			for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
				urls.add(new File(entry).toURI().toURL());
			}
			return urls.toArray(URL[]::new);
		}

	}

}
