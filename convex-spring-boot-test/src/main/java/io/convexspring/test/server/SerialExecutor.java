package io.convexspring.test.server;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Runs tasks one at a time, in submission order, on a shared pool: a lane that serializes one
 * socket's protocol state without a thread of its own. A task that throws is logged and the lane
 * goes on. Once the pool is shut down, tasks are dropped.
 */
final class SerialExecutor implements Executor {

	private static final Log logger = LogFactory.getLog(SerialExecutor.class);

	private final Executor pool;

	private final Queue<Runnable> tasks = new ArrayDeque<>();

	private boolean running;

	SerialExecutor(Executor pool) {
		this.pool = pool;
	}

	@Override
	public void execute(Runnable task) {
		synchronized (this.tasks) {
			this.tasks.add(task);
			if (this.running) {
				return;
			}
			this.running = true;
		}
		try {
			this.pool.execute(this::drain);
		}
		catch (RejectedExecutionException ex) {
			// The deployment has shut down: nothing will run here again.
			synchronized (this.tasks) {
				this.tasks.clear();
				this.running = false;
			}
		}
	}

	private void drain() {
		while (true) {
			Runnable task;
			synchronized (this.tasks) {
				task = this.tasks.poll();
				if (task == null) {
					this.running = false;
					return;
				}
			}
			try {
				task.run();
			}
			catch (RuntimeException ex) {
				logger.error("A local Convex deployment task failed", ex);
			}
		}
	}

}
