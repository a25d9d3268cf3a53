package io.jingsai.api.trade;

import org.mapstruct.Mapper;

@Mapper
interface TradeMapper {

    TradeView toView(TradeRow row);
}
