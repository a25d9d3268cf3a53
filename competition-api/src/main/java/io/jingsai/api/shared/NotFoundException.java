package io.jingsai.api.shared;

/** The addressed resource does not exist (404). The message names the resource kind and the key, nothing else. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String resource, Object key) {
        super(resource + " " + key + " does not exist");
    }
}
