package io.jingsai.api.programme;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper(uses = ProgrammeJson.class)
interface ProgrammeMapper {

    @Mapping(target = "quotas", expression = "java(row.quotas())")
    @Mapping(target = "starRule", source = "row")
    ProgrammeView toView(ProgrammeRow row);

    @Mapping(target = "aspect", source = "aspectCode")
    ProjectView toView(ProjectRow row);
}
