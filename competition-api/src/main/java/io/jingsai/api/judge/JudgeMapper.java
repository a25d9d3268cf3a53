package io.jingsai.api.judge;

import org.mapstruct.Mapper;

@Mapper
interface JudgeMapper {

    JudgeView toView(JudgeRow row);
}
