package io.convexspring.aot;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.ResolvableType;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.javapoet.ClassName;

import io.convexspring.aot.scanned.GeneratedApi;
import io.convexspring.client.ConvexAction;
import io.convexspring.client.ConvexQuery;
import io.convexspring.state.ActionError;
import io.convexspring.state.ActionState;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The native-image hints: the starter's own, and binding hints for the types of the function
 * references an application declares, registered through {@code aot.factories}.
 */
class NativeHintsTests {

	private static final SpringFactoriesLoader AOT_FACTORIES = SpringFactoriesLoader
		.forResourceLocation("META-INF/spring/aot.factories");

	@Test
	void starterHintsRegisterTheClientVersionResourceAndTheJsonViews() {
		List<RuntimeHintsRegistrar> registrars = AOT_FACTORIES.load(RuntimeHintsRegistrar.class);
		assertThat(registrars).hasAtLeastOneElementOfType(ConvexRuntimeHints.class);
		RuntimeHints hints = new RuntimeHints();
		registrars.forEach((registrar) -> registrar.registerHints(hints, getClass().getClassLoader()));
		assertThat(RuntimeHintsPredicates.resource().forResource(ConvexRuntimeHints.CLIENT_PROPERTIES)).accepts(hints);
		assertThat(getClass().getClassLoader().getResource(ConvexRuntimeHints.CLIENT_PROPERTIES)).isNotNull();
		assertThat(RuntimeHintsPredicates.resource().forResource("META-INF/spring-configuration-metadata.json"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(ActionState.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(ActionState.class, "errorView"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(ActionError.class, "message"))
			.accepts(hints);
	}

	@Test
	void referencesInStaticFieldsOfBeansAndAsBeansGetBindingHintsForTheirTypes() {
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		beanFactory.registerBeanDefinition("ordersController", new RootBeanDefinition(OrdersController.class));
		RootBeanDefinition reference = new RootBeanDefinition(ConvexQuery.class);
		reference.setTargetType(ResolvableType.forClassWithGenerics(ConvexQuery.class, Filter.class, Page.class));
		reference.setInstanceSupplier(() -> ConvexQuery.of("orders:page", Filter.class, Page.class));
		beanFactory.registerBeanDefinition("pageQuery", reference);
		RuntimeHints hints = process(beanFactory);
		for (Class<?> type : new Class<?>[] { PlaceOrder.class, Receipt.class, LineItem.class, Filter.class,
				Page.class }) {
			assertThat(RuntimeHintsPredicates.reflection().onType(type)).as(type.getSimpleName()).accepts(hints);
		}
		// a record's accessors, which the codec and the logging preview call
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(PlaceOrder.class, "orderId")).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(Unrelated.class)).rejects(hints);
	}

	@Test
	void referencesInTheApplicationsPackagesGetBindingHintsThoughNoBeanHoldsThem() {
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		AutoConfigurationPackages.register(beanFactory, GeneratedApi.class.getPackageName());
		RuntimeHints hints = process(beanFactory);
		for (Class<?> type : new Class<?>[] { GeneratedApi.Send.class, GeneratedApi.Sent.class,
				GeneratedApi.Inbox.class, GeneratedApi.Page.class }) {
			assertThat(RuntimeHintsPredicates.reflection().onType(type)).as(type.getSimpleName()).accepts(hints);
		}
	}

	@Test
	void contributesNothingWithoutReferences() {
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		beanFactory.registerBeanDefinition("plain", new RootBeanDefinition(Unrelated.class));
		assertThat(processor().processAheadOfTime(beanFactory)).isNull();
	}

	private static BeanFactoryInitializationAotProcessor processor() {
		return AOT_FACTORIES.load(BeanFactoryInitializationAotProcessor.class)
			.stream()
			.filter(ConvexFunctionBindingAotProcessor.class::isInstance)
			.findFirst()
			.orElseThrow();
	}

	private static RuntimeHints process(DefaultListableBeanFactory beanFactory) {
		BeanFactoryInitializationAotContribution contribution = processor().processAheadOfTime(beanFactory);
		assertThat(contribution).isNotNull();
		DefaultGenerationContext generation = new DefaultGenerationContext(
				new ClassNameGenerator(ClassName.get("com.example", "App")), new InMemoryGeneratedFiles());
		contribution.applyTo(generation, null);
		return generation.getRuntimeHints();
	}

	static class OrdersController {

		static final ConvexAction<PlaceOrder, Receipt> PLACE_ORDER = ConvexAction.of("orders:place", PlaceOrder.class,
				Receipt.class);

		static final ConvexAction<Void, List<LineItem>> ITEMS = ConvexAction.of("orders:items",
				Void.class, new ParameterizedTypeReference<List<LineItem>>() {
				});

		private final Unrelated unrelated = new Unrelated();

	}

	record PlaceOrder(String orderId, long amountCents) {
	}

	record Receipt(String id) {
	}

	record LineItem(String sku, int quantity) {
	}

	record Filter(String status) {
	}

	record Page(List<String> ids) {
	}

	static class Unrelated {

	}

}
