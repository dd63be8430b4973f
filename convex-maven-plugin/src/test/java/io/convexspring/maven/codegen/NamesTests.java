package io.convexspring.maven.codegen;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Names}: Java names for the Convex names of the shared document's hard cases.
 */
class NamesTests {

	@Test
	void fieldNamesAreCamelCaseWithoutKeywordsOrPunctuation() {
		assertThat(Names.field("my-field")).isEqualTo("myField");
		assertThat(Names.field("_id")).isEqualTo("id");
		assertThat(Names.field("_creationTime")).isEqualTo("creationTime");
		assertThat(Names.field("class")).isEqualTo("class_");
		assertThat(Names.field("default")).isEqualTo("default_");
		assertThat(Names.field("foo_bar")).isEqualTo("fooBar");
		assertThat(Names.field("hashCode")).isEqualTo("hashCode_");
		assertThat(Names.field("2fa")).isEqualTo("_2fa");
		assertThat(Names.field("URL")).isEqualTo("URL");
		assertThat(Names.field("ChargeId")).isEqualTo("chargeId");
		assertThat(Names.field("--")).isEqualTo("value");
	}

	@Test
	void typeNamesAndEnumConstants() {
		assertThat(Names.type("orders")).isEqualTo("Orders");
		assertThat(Names.type("order-item")).isEqualTo("OrderItem");
		assertThat(Names.constant("256x256")).isEqualTo("_256X256");
		assertThat(Names.constant("pro-monthly")).isEqualTo("PRO_MONTHLY");
		assertThat(Names.constant("inProgress")).isEqualTo("IN_PROGRESS");
		assertThat(Names.constant("")).isEqualTo("EMPTY");
	}

	@Test
	void listElementsAreSingularAndCollisionsGetSuffixes() {
		assertThat(Names.singular("Items")).isEqualTo("Item");
		assertThat(Names.singular("Entries")).isEqualTo("Entry");
		assertThat(Names.singular("Status")).isEqualTo("StatusItem");
		assertThat(Names.singular("Address")).isEqualTo("AddressItem");
		assertThat(Names.unique("fooBar", Set.of("fooBar"))).isEqualTo("fooBar2");
		assertThat(Names.unique("fooBar", Set.of("fooBar", "fooBar2"))).isEqualTo("fooBar3");
	}

}
