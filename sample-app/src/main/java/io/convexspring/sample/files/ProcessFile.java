package io.convexspring.sample.files;

/**
 * Arguments of {@code files:process}.
 *
 * @param fileName the uploaded file's name
 * @param contentType its media type, as the browser declared it
 * @param content its bytes, sent as Convex bytes ({@code v.bytes()})
 */
public record ProcessFile(String fileName, String contentType, byte[] content) {

}
