-- The six aspects (六个方面) of a key-project labor and skills competition: fixed reference data.
CREATE TABLE aspect (
    code        VARCHAR(32)  PRIMARY KEY,
    position    SMALLINT     NOT NULL UNIQUE,
    name_zh     VARCHAR(50)  NOT NULL UNIQUE,
    name_en     VARCHAR(100) NOT NULL UNIQUE
);

INSERT INTO aspect (code, position, name_zh, name_en) VALUES
    ('ENGINEERING_EXCELLENCE', 1, '工程创优', 'Engineering excellence'),
    ('QUALITY',                2, '质量争优', 'Quality'),
    ('WORK_SAFETY',            3, '安全生产', 'Work safety'),
    ('SKILL_UPGRADING',        4, '技能提升', 'Skill upgrading'),
    ('TECHNICAL_INNOVATION',   5, '技术创新', 'Technical innovation'),
    ('TEAM_BUILDING',          6, '班组建设', 'Team building');
