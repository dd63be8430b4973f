package io.convexspring.sample.demo;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The tables behind the demo reports, as {@code reports.ts} builds them: the newest hundred
 * orders for {@code sales}, fixed figures for {@code inventory} and {@code users}; written as
 * CSV with CRLF line endings and quoted fields where needed.
 */
final class CsvReports {

	/** What {@code reports.ts} passes to {@code orders:list}. */
	static final int SALES_ORDERS = 100;

	/** {@code Date.prototype.toISOString()}: always milliseconds, always UTC. */
	private static final DateTimeFormatter ISO_INSTANT_MILLIS = DateTimeFormatter
		.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	private CsvReports() {
	}

	/** A report's CSV text and its number of data rows (the header not counted). */
	record Report(String csv, int rows) {
	}

	static Report generate(String reportType, List<Map<String, @Nullable Object>> newestOrders) {
		List<List<String>> table = switch (reportType) {
			case "sales" -> sales(newestOrders);
			case "inventory" -> List.of(List.of("sku", "name", "in_stock"), List.of("A-1", "Notebook", "120"),
					List.of("B-2", "Pen", "540"), List.of("C-3", "Backpack", "18"));
			case "users" -> List.of(List.of("plan", "active_users"), List.of("free", "1250"),
					List.of("pro-monthly", "310"), List.of("pro-yearly", "95"), List.of("team", "12"));
			default -> throw new IllegalArgumentException("No CSV for report type " + reportType);
		};
		String csv = table.stream()
			.map((row) -> row.stream().map(CsvReports::field).collect(Collectors.joining(",")))
			.collect(Collectors.joining("\r\n", "", "\r\n"));
		return new Report(csv, table.size() - 1);
	}

	private static List<List<String>> sales(List<Map<String, @Nullable Object>> orders) {
		List<List<String>> table = new ArrayList<>();
		table.add(List.of("order_id", "created_at", "charge_id", "amount_cents", "currency"));
		for (Map<String, @Nullable Object> order : orders) {
			long createdAt = (long) Math.floor((Double) order.get("_creationTime"));
			table.add(List.of((String) order.get("_id"), ISO_INSTANT_MILLIS.format(Instant.ofEpochMilli(createdAt)),
					(String) order.get("chargeId"), JsNumbers.format((Double) order.get("amountCents")),
					(String) order.get("currency")));
		}
		return table;
	}

	private static String field(String value) {
		boolean quote = value.contains("\"") || value.contains(",") || value.contains("\r") || value.contains("\n");
		return quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
	}

}
