package io.convexspring.sample.purchase;

import java.util.List;
import java.util.Optional;

/**
 * What the shop sells, priced here rather than by the browser so that a buyer cannot choose
 * their own price. The SKUs are those of the inventory report in {@code reports.ts}.
 */
final class Catalog {

	/** Prices are charged in this currency. */
	static final String CURRENCY = "usd";

	static final List<Product> PRODUCTS = List.of(new Product("A-1", "Notebook", 1200),
			new Product("B-2", "Pen", 250), new Product("C-3", "Backpack", 4500));

	private Catalog() {
	}

	static Optional<Product> find(String sku) {
		return PRODUCTS.stream().filter((product) -> product.sku().equals(sku)).findFirst();
	}

	/**
	 * A product on sale.
	 *
	 * @param sku its stock-keeping unit
	 * @param name its name
	 * @param unitAmountCents its price in cents
	 */
	record Product(String sku, String name, long unitAmountCents) {
	}

}
