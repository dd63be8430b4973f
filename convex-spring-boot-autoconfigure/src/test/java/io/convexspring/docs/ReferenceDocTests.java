package io.convexspring.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.convexspring.client.ConvexActionClient;
import io.convexspring.client.ConvexMutationClient;
import io.convexspring.client.ConvexQueryClient;
import io.convexspring.state.ActionState;
import io.convexspring.state.ConvexActionHandle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * {@code docs/reference.md} says what the code does: every public constructor and method of
 * the clients, the action handle and its state has an entry there, with the same parameters,
 * parameter types and return type, and every entry is a real member.
 */
class ReferenceDocTests {

	private static final List<Class<?>> DOCUMENTED = List.of(ConvexActionClient.class, ConvexMutationClient.class,
			ConvexQueryClient.class, ConvexActionHandle.class, ActionState.class);

	@Test
	void theReferenceMatchesThePublicApi() {
		Path reference = repositoryRoot().resolve("docs/reference.md");
		Map<String, List<ReferenceDoc.Entry>> sections = ReferenceDoc.read(reference);
		List<String> problems = new ArrayList<>();
		for (Class<?> type : DOCUMENTED) {
			List<ReferenceDoc.Entry> entries = sections.get(type.getSimpleName());
			if (entries == null) {
				problems.add("docs/reference.md: no section ## `" + type.getSimpleName() + "`");
				continue;
			}
			problems.addAll(ReferenceCheck.compare("docs/reference.md", type, entries));
		}
		assertThat(sections.keySet()).as("sections of docs/reference.md, each checked here")
			.containsExactlyInAnyOrderElementsOf(DOCUMENTED.stream().map(Class::getSimpleName).toList());
		if (!problems.isEmpty()) {
			fail("docs/reference.md does not match the code:\n" + String.join("\n", problems));
		}
	}

	@Test
	void aWrongTypeAMissingMethodAndAnInventedOneAreEachReported(@TempDir Path dir) throws IOException {
		Path reference = dir.resolve("reference.md");
		Files.writeString(reference, """
				# Reference

				## `ActionState`

				### `new ActionState(status, data, error, version)`

				| parameter | type | description |
				|---|---|---|
				| `status` | `ActionStatus` | |
				| `data` | `R` | |
				| `error` | `@Nullable ConvexException` | |
				| `version` | `long` | |

				### `status()`

				**Returns** `ActionStatus`: the status.

				### `data()`

				**Returns** `@Nullable R`: the data.

				### `error()`

				**Returns** `ConvexException`: the error.

				### `version()`

				**Returns** `long`: the version.

				### `progress()`

				**Returns** `double`: invented.
				""");
		List<String> problems = ReferenceCheck.compare("reference.md", ActionState.class,
				ReferenceDoc.read(reference).get("ActionState"));
		assertThat(problems).containsExactlyInAnyOrder(
				"reference.md:5: ActionState.new ActionState(status, data, error, version): parameter data is "
						+ "`@Nullable R` in the code, `R` in the reference",
				"reference.md:22: ActionState.error(): returns `@Nullable ConvexException` in the code, "
						+ "`ConvexException` in the reference (**Returns** `@Nullable ConvexException`: ...)",
				"reference.md: ActionState has a public method pending() returning boolean, which the reference "
						+ "does not document: add an entry ### `pending()`",
				"reference.md:30: ActionState.progress() is documented but is not a public member: remove or rename "
						+ "the entry");
	}

	@Test
	void inheritedMethodsAreWrittenWithTheClassTheyReturn() {
		assertThat(Signatures.of(ConvexQueryClient.class).get("withUserToken(token)").returnType())
			.isEqualTo("ConvexQueryClient");
		assertThat(Signatures.of(ConvexActionHandle.class).get("executeSafe(args)").returnType())
			.isEqualTo("Mono<ActionResult<R>>");
	}

	private static Path repositoryRoot() {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null && !Files.isRegularFile(dir.resolve("docs/reference.md"))) {
			dir = dir.getParent();
		}
		if (dir == null) {
			throw new IllegalStateException("No docs/reference.md above " + Path.of("").toAbsolutePath());
		}
		return dir;
	}

}
