package io.convexspring.sample.files;

import java.io.IOException;
import java.util.Objects;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.convexspring.client.ConvexActionClient;
import io.convexspring.sample.api.Api;
import io.convexspring.sample.api.FilesModule;

/**
 * {@code POST /api/files} (multipart, part {@code file}): sends the upload's bytes to the
 * {@code files:process} action and answers its summary. Size limits are the function's: the
 * servlet's upload limit (see {@code application.yml}) sits just above them, so that an
 * oversize file gets the function's {@code FILE_TOO_LARGE} error with the limit in its data.
 */
@RestController
class FileController {

	private static final String UNKNOWN_NAME = "upload";

	private final ConvexActionClient actions;

	FileController(ConvexActionClient actions) {
		this.actions = actions;
	}

	@PostMapping(path = "/api/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	FilesModule.ProcessResult process(@RequestParam("file") MultipartFile file) throws IOException {
		String fileName = Objects.requireNonNullElse(file.getOriginalFilename(), UNKNOWN_NAME);
		String contentType = Objects.requireNonNullElse(file.getContentType(), MediaType.APPLICATION_OCTET_STREAM_VALUE);
		FilesModule.ProcessArgs args = new FilesModule.ProcessArgs(fileName.isEmpty() ? UNKNOWN_NAME : fileName, contentType, file.getBytes());
		return this.actions.executeBlocking(Api.files.process, args);
	}

}
