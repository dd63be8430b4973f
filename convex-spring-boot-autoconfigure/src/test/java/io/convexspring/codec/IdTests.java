package io.convexspring.codec;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;

import io.convexspring.codec.ConvexValueException.Problem;

import static io.convexspring.codec.WireJson.assertSameWire;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * Tests for {@link Id}: a typed document id travels as its string, alone, in records and in
 * lists, and comes back equal.
 */
class IdTests {

	private final ConvexCodec codec = ConvexCodec.create();

	@Test
	void idGoesOutAsItsStringAndComesBackEqual() {
		Id<Order> id = Id.of("k57ar4cv9bsj1pzd0d8vkjmzhn7cqbr3");
		String wire = this.codec.toWireJson(id);
		assertSameWire(wire, "'k57ar4cv9bsj1pzd0d8vkjmzhn7cqbr3'");
		Id<Order> read = this.codec.fromWireJson(wire, new TypeReference<Id<Order>>() {
		}.getType());
		assertThat(read).isEqualTo(id);
		assertThat(read.value()).isEqualTo("k57ar4cv9bsj1pzd0d8vkjmzhn7cqbr3");
	}

	@Test
	void idsInRecordsAndListsRoundTrip() {
		Shipment shipment = new Shipment(Id.of("k1"), List.of(Id.of("k2"), Id.of("k3")), null);
		String wire = this.codec.toWireJson(shipment);
		assertSameWire(wire, "{'order':'k1','related':['k2','k3']}");
		assertThat(this.codec.<Shipment>fromWireJson(wire, Shipment.class)).isEqualTo(shipment);
		Shipment withParent = new Shipment(Id.of("k1"), List.of(), Id.of("k0"));
		assertThat(this.codec.<Shipment>fromWireJson(this.codec.toWireJson(withParent), Shipment.class))
			.isEqualTo(withParent);
	}

	@Test
	void idTakesOnlyAConvexString() {
		assertThatExceptionOfType(ConvexValueException.class)
			.isThrownBy(() -> this.codec.fromWireJson("{'order':42,'related':[]}".replace('\'', '"'), Shipment.class))
			.satisfies((ex) -> assertThat(ex.problem()).isEqualTo(Problem.TYPE_MISMATCH))
			.satisfies((ex) -> assertThat(ex.path()).isEqualTo("order"));
	}

	@Test
	void idOfNullIsRefusedAndToStringIsTheValue() {
		assertThatNullPointerException().isThrownBy(() -> Id.of(null));
		assertThat(Id.of("k9")).hasToString("k9");
	}

	interface Order {

	}

	record Shipment(Id<Order> order, List<Id<Order>> related, @Nullable Id<Order> parent) {
	}

}
