package io.jingsai.api.demo;

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

/** The services the demo writes through: the same the API's controllers call. */
record DemoServices(ProgrammeService programmes, TradeService trades, EnterpriseService enterprises,
                    ContestantService contestants, JudgeService judges, EventService events, PanelService panels,
                    AccountService accounts, RegistrationService registrations, ScoreSheetService sheets) {
}
