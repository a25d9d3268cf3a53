package io.jingsai.api.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** multipart/form-data bodies written by hand, so that they can be broken in every way a client might. */
record Multipart(String contentType, byte[] body) {

    static final String BOUNDARY = "fuzz-boundary-7MA4YWxkTrZu0gW";
    /** An import file with the header row only (no data rows), so that nothing could be imported from it. */
    static final String EMPTY_CSV = "名称,统一社会信用代码\r\n";

    static Multipart csv(String fileName, String content) {
        return new Multipart("multipart/form-data; boundary=" + BOUNDARY,
                bytes(filePart("file", fileName, content) + "--" + BOUNDARY + "--\r\n"));
    }

    static String filePart(String name, String fileName, String content) {
        return "--" + BOUNDARY + "\r\n"
                + "Content-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: text/csv\r\n\r\n"
                + content + "\r\n";
    }

    static String fieldPart(String name, String value) {
        return "--" + BOUNDARY + "\r\n"
                + "Content-Disposition: form-data; name=\"" + name + "\"\r\n\r\n"
                + value + "\r\n";
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
