package io.jingsai.api.registration;

import org.mapstruct.Mapper;

@Mapper
interface RegistrationMapper {

    RegistrationView toView(RegistrationRow row);
}
