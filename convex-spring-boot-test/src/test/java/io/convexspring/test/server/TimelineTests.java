package io.convexspring.test.server;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The commit order: timestamps strictly increase however many threads commit, and a commit
 * outside a write is refused.
 */
class TimelineTests {

	@Test
	void concurrentCommitsGetStrictlyIncreasingTimestampsInCommitOrder() throws Exception {
		Timeline timeline = new Timeline();
		ConcurrentLinkedQueue<Long> order = new ConcurrentLinkedQueue<>();
		ExecutorService threads = Executors.newFixedThreadPool(4);
		for (int i = 0; i < 400; i++) {
			threads.execute(() -> timeline.write(() -> order.add(timeline.commit())));
		}
		threads.shutdown();
		assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
		List<Long> timestamps = List.copyOf(order);
		assertThat(timestamps).hasSize(400).isSorted().doesNotHaveDuplicates();
		assertThat(timeline.latest()).isEqualTo(timestamps.get(399));
	}

	@Test
	void commitOutsideAWriteIsRefused() {
		assertThatIllegalStateException().isThrownBy(new Timeline()::commit);
	}

	@Test
	void identityNamesItsKindButNeverItsToken() {
		assertThat(Identity.user("secret-jwt")).hasToString("Identity[USER]");
		assertThat(Identity.admin("prod:secret-key").toString()).doesNotContain("secret");
	}

}
