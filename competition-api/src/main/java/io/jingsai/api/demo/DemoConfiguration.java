package io.jingsai.api.demo;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.jingsai.api.account.AccountService;
import io.jingsai.api.contestant.ContestantService;
import io.jingsai.api.enterprise.EnterpriseService;
import io.jingsai.api.event.EventService;
import io.jingsai.api.judge.JudgeService;
import io.jingsai.api.judging.PanelService;
import io.jingsai.api.judging.ScoreSheetService;
import io.jingsai.api.programme.ProgrammeService;
import io.jingsai.api.registration.RegistrationService;
import io.jingsai.api.trade.TradeService;

/** The demo's beans exist only with {@code jingsai.demo=true}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "jingsai.demo", havingValue = "true")
class DemoConfiguration {

    @Bean
    DemoServices demoServices(ProgrammeService programmes, TradeService trades, EnterpriseService enterprises,
                              ContestantService contestants, JudgeService judges, EventService events,
                              PanelService panels, AccountService accounts, RegistrationService registrations,
                              ScoreSheetService sheets) {
        return new DemoServices(programmes, trades, enterprises, contestants, judges, events, panels, accounts,
                registrations, sheets);
    }
}
