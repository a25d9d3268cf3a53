package io.jingsai.api.reference;

/** One of the six aspects (六个方面) a competition project is organised around. */
record AspectView(String code, String nameZh, String nameEn) {
}
