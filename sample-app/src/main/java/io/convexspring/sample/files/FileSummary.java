package io.convexspring.sample.files;

/**
 * Result of {@code files:process}.
 *
 * @param fileName the file's name
 * @param contentType its media type
 * @param sizeBytes its size in bytes
 * @param lines its number of lines, read as UTF-8 text
 * @param words its number of words
 * @param sha256 the SHA-256 of its bytes, in hex: the same as the upload's if the bytes crossed intact
 * @param preview its first 200 characters
 */
public record FileSummary(String fileName, String contentType, long sizeBytes, long lines, long words, String sha256,
		String preview) {

}
