package io.convexspring.sample.demo;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The CSV behind a demo report: a header and a dozen-odd plausible rows, varying from one call
 * to the next so repeated reports do not look canned.
 */
final class CsvReports {

	private static final String[] REGIONS = { "North America", "Europe", "Asia Pacific", "Latin America" };

	private static final String[] PRODUCTS = { "Desk lamp", "Office chair", "Standing desk", "Monitor arm",
			"Keyboard", "Webcam", "Headset", "Notebook" };

	private static final String[] PLANS = { "free", "pro-monthly", "pro-yearly", "team" };

	private static final String[] NAMES = { "ada", "grace", "alan", "edsger", "barbara", "donald", "margaret",
			"ken", "radia", "linus" };

	private CsvReports() {
	}

	/** A report's CSV text and its number of data rows (the header not counted). */
	record Report(String csv, int rows) {
	}

	static Report generate(String reportType) {
		Random random = ThreadLocalRandom.current();
		int rows = 8 + random.nextInt(10);
		StringBuilder csv = new StringBuilder();
		LocalDate today = LocalDate.now();
		switch (reportType) {
			case "sales" -> {
				csv.append("date,region,orders,revenue_usd\n");
				for (int i = 0; i < rows; i++) {
					int orders = 20 + random.nextInt(200);
					csv.append(today.minusDays(rows - 1 - i)).append(',').append(REGIONS[i % REGIONS.length])
						.append(',').append(orders).append(',')
						.append(String.format(Locale.ROOT, "%.2f", orders * (25 + random.nextDouble() * 60))).append('\n');
				}
			}
			case "inventory" -> {
				csv.append("sku,product,on_hand,reorder_point,status\n");
				for (int i = 0; i < rows; i++) {
					int onHand = random.nextInt(400);
					int reorderPoint = 50 + random.nextInt(50);
					csv.append(String.format(Locale.ROOT, "SKU-%04d", 1000 + i * 7)).append(',')
						.append(PRODUCTS[i % PRODUCTS.length]).append(',').append(onHand).append(',').append(reorderPoint)
						.append(',').append(onHand < reorderPoint ? "reorder" : "ok").append('\n');
				}
			}
			case "users" -> {
				csv.append("user_id,email,plan,signed_up\n");
				for (int i = 0; i < rows; i++) {
					String name = NAMES[i % NAMES.length];
					csv.append("user_").append(DemoIds.hex(8)).append(',').append(name).append(i).append("@example.com,")
						.append(PLANS[random.nextInt(PLANS.length)]).append(',').append(today.minusDays(random.nextInt(365)))
						.append('\n');
				}
			}
			default -> throw new IllegalArgumentException("No CSV for report type " + reportType);
		}
		return new Report(csv.toString(), rows);
	}

}
