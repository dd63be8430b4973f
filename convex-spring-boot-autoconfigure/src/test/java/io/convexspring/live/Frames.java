package io.convexspring.live;

import java.util.Arrays;
import java.util.stream.Collectors;

import io.convexspring.codec.SyncTimestamps;

/**
 * Server frames, written as the backend writes them, for the tests' scripts.
 */
public final class Frames {

	private Frames() {
	}

	public static String ts(long ts) {
		return "\"" + SyncTimestamps.encode(ts) + "\"";
	}

	public static String version(StateVersion version) {
		return "{\"querySet\":" + version.querySet() + ",\"identity\":" + version.identity() + ",\"ts\":"
				+ ts(version.ts()) + "}";
	}

	public static String transition(StateVersion start, StateVersion end, String... modifications) {
		return "{\"type\":\"Transition\",\"startVersion\":" + version(start) + ",\"endVersion\":" + version(end)
				+ ",\"modifications\":[" + Arrays.stream(modifications).collect(Collectors.joining(","))
				+ "],\"clientClockSkew\":3,\"serverTs\":1796111369680000000}";
	}

	public static String updated(int queryId, String valueJson) {
		return updated(queryId, valueJson, "null");
	}

	public static String updated(int queryId, String valueJson, String journalJson) {
		return "{\"type\":\"QueryUpdated\",\"queryId\":" + queryId + ",\"value\":" + valueJson
				+ ",\"logLines\":[\"[LOG] 'read'\"],\"journal\":" + journalJson + "}";
	}

	public static String failed(int queryId, String message, String errorDataJson) {
		return "{\"type\":\"QueryFailed\",\"queryId\":" + queryId + ",\"errorMessage\":\"" + message
				+ "\",\"logLines\":[],\"journal\":null" + ((errorDataJson != null) ? ",\"errorData\":" + errorDataJson : "")
				+ "}";
	}

	public static String removed(int queryId) {
		return "{\"type\":\"QueryRemoved\",\"queryId\":" + queryId + "}";
	}

	public static String mutationSuccess(int requestId, String resultJson, long ts) {
		return "{\"type\":\"MutationResponse\",\"requestId\":" + requestId + ",\"success\":true,\"result\":" + resultJson
				+ ",\"ts\":" + ts(ts) + ",\"logLines\":[\"[LOG] 'wrote'\"]}";
	}

	public static String mutationFailure(int requestId, String message, String errorDataJson) {
		return "{\"type\":\"MutationResponse\",\"requestId\":" + requestId + ",\"success\":false,\"result\":\"" + message
				+ "\",\"ts\":null,\"logLines\":[]" + ((errorDataJson != null) ? ",\"errorData\":" + errorDataJson : "")
				+ "}";
	}

	public static String actionSuccess(int requestId, String resultJson) {
		return "{\"type\":\"ActionResponse\",\"requestId\":" + requestId + ",\"success\":true,\"result\":" + resultJson
				+ ",\"logLines\":[]}";
	}

	public static String authError(String error, int baseVersion, boolean authUpdateAttempted) {
		return "{\"type\":\"AuthError\",\"error\":\"" + error + "\",\"baseVersion\":" + baseVersion
				+ ",\"authUpdateAttempted\":" + authUpdateAttempted + "}";
	}

	public static String fatalError(String error) {
		return "{\"type\":\"FatalError\",\"error\":\"" + error + "\"}";
	}

	public static String int64(long value) {
		byte[] bytes = java.nio.ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(value).array();
		return "{\"$integer\":\"" + java.util.Base64.getEncoder().encodeToString(bytes) + "\"}";
	}

	public static String ping() {
		return "{\"type\":\"Ping\"}";
	}

}
