package io.convexspring.sample.demo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order store's bound, checked directly since a thousand HTTP calls would prove nothing more.
 */
class OrderStoreTests {

	@Test
	void keepsOnlyTheNewestThousandOrders() {
		OrderStore store = new OrderStore();
		for (int i = 0; i < OrderStore.CAPACITY + 5; i++) {
			store.insert(Map.of("chargeId", "ch_" + i));
		}
		var all = store.newest(Integer.MAX_VALUE);
		assertThat(all).hasSize(OrderStore.CAPACITY);
		assertThat(all.get(0).get("chargeId")).isEqualTo("ch_" + (OrderStore.CAPACITY + 4));
		assertThat(all.get(all.size() - 1).get("chargeId")).isEqualTo("ch_5");
	}

}
