package io.channelhub.billing.web;

import io.channelhub.documents.Document;
import io.channelhub.documents.DocumentPdf;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A document as the PDF its endpoint answers with: shown in the browser, saved under {@code filename}. */
final class PdfResponses {

    private PdfResponses() {
    }

    static ResponseEntity<byte[]> of(Document document, String filename) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(filename).build()
                        .toString())
                .body(DocumentPdf.render(document));
    }
}
