package io.jingsai.api.enterprise;

import org.mapstruct.Mapper;

@Mapper
interface EnterpriseMapper {

    EnterpriseView toView(EnterpriseRow row);
}
