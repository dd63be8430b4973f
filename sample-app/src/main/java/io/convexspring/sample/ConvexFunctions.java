package io.convexspring.sample;

import java.util.List;

import org.springframework.core.ParameterizedTypeReference;

import io.convexspring.client.ConvexAction;
import io.convexspring.client.ConvexMutation;
import io.convexspring.client.ConvexQuery;
import io.convexspring.sample.checkout.CheckoutSession;
import io.convexspring.sample.checkout.CreateCheckoutSession;
import io.convexspring.sample.email.EmailReceipt;
import io.convexspring.sample.email.SendEmail;
import io.convexspring.sample.files.FileSummary;
import io.convexspring.sample.files.ProcessFile;
import io.convexspring.sample.image.GenerateImage;
import io.convexspring.sample.image.GeneratedImage;
import io.convexspring.sample.purchase.Charge;
import io.convexspring.sample.purchase.ChargeReceipt;
import io.convexspring.sample.purchase.ListOrders;
import io.convexspring.sample.purchase.Order;
import io.convexspring.sample.purchase.SaveOrder;
import io.convexspring.sample.reports.GenerateReport;
import io.convexspring.sample.reports.Report;

/**
 * References to the Convex functions this app calls (see {@code convex/} for their source),
 * made once, like the {@code api} object of a Convex front-end.
 */
public final class ConvexFunctions {

	/** {@code emails:send}: sends an email through the provider. */
	public static final ConvexAction<SendEmail, EmailReceipt> SEND_EMAIL = ConvexAction.of("emails:send",
			SendEmail.class, EmailReceipt.class);

	/** {@code ai:generateImage}: generates an image from a prompt. */
	public static final ConvexAction<GenerateImage, GeneratedImage> GENERATE_IMAGE = ConvexAction
		.of("ai:generateImage", GenerateImage.class, GeneratedImage.class);

	/** {@code files:process}: describes an uploaded file. */
	public static final ConvexAction<ProcessFile, FileSummary> PROCESS_FILE = ConvexAction.of("files:process",
			ProcessFile.class, FileSummary.class);

	/** {@code payments:createCheckoutSession}: starts a hosted checkout to redirect the buyer to. */
	public static final ConvexAction<CreateCheckoutSession, CheckoutSession> CREATE_CHECKOUT_SESSION = ConvexAction
		.of("payments:createCheckoutSession", CreateCheckoutSession.class, CheckoutSession.class);

	/** {@code payments:charge}: charges a card token. */
	public static final ConvexAction<Charge, ChargeReceipt> CHARGE = ConvexAction.of("payments:charge", Charge.class,
			ChargeReceipt.class);

	/** {@code reports:generate}: builds a CSV report; slow. */
	public static final ConvexAction<GenerateReport, Report> GENERATE_REPORT = ConvexAction.of("reports:generate",
			GenerateReport.class, Report.class);

	/** {@code orders:save}: records a paid order and returns its document id. */
	public static final ConvexMutation<SaveOrder, String> SAVE_ORDER = ConvexMutation.of("orders:save",
			SaveOrder.class, String.class);

	/** {@code orders:list}: the newest orders first. */
	public static final ConvexQuery<ListOrders, List<Order>> LIST_ORDERS = ConvexQuery.of("orders:list",
			ListOrders.class, new ParameterizedTypeReference<List<Order>>() {
			});

	private ConvexFunctions() {
	}

}
