package io.jingsai.api.trade;

/** A trade (工种) contested in skills events; {@code builtIn} trades come with Jingsai's reference list. */
public record TradeView(long id, String code, String nameZh, String nameEn, boolean builtIn, long version) {
}
