package io.jingsai.api.event;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper(uses = EventJson.class)
interface EventMapper {

    @Mapping(target = "warnings", source = "warnings", qualifiedByName = "warnings")
    EventView toView(EventRow row);
}
