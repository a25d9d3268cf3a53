package io.jingsai.api.registration;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper
interface RegistrationMapper {

    @Mapping(target = "verificationCode", source = "verificationCode")
    RegistrationView toView(RegistrationRow row, String verificationCode);
}
