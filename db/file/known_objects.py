"""What Fact Sheet's migrations create, per schema version: generated, do not edit.

Written by ``python -m db.file.known_schema`` from the migrations (``db.file.migrations``);
``db.file.known_schema`` compares every file it opens with it, and a test proves it equals
what the migrations build.
"""

OBJECTS: dict[int, dict[tuple[str, str], str]] = {
    1: {
        ('index', 'agreement_parties_party'):
            'create index agreement_parties_party on agreement_parties ( party_id )',
        ('index', 'agreement_signatories_person'):
            'create index agreement_signatories_person on agreement_signatories ( person_id )',
        ('index', 'agreement_subjects_subject'):
            'create index agreement_subjects_subject on agreement_subjects ( subject_id )',
        ('index', 'agreements_signed'):
            'create index agreements_signed on agreements ( signed_date )',
        ('index', 'agreements_sources_source'):
            'create index agreements_sources_source on agreements_sources ( source_id )',
        ('index', 'agreements_title'):
            'create index agreements_title on agreements ( title )',
        ('index', 'event_parties_party'):
            'create index event_parties_party on event_parties ( party_id )',
        ('index', 'event_people_person'):
            'create index event_people_person on event_people ( person_id )',
        ('index', 'event_subjects_subject'):
            'create index event_subjects_subject on event_subjects ( subject_id )',
        ('index', 'events_sources_source'):
            'create index events_sources_source on events_sources ( source_id )',
        ('index', 'events_start'):
            'create index events_start on events ( start_date )',
        ('index', 'idx__sqlite_migrations_migration_set_name'):
            'create unique index idx__sqlite_migrations_migration_set_name on _sqlite_migrations ( migration_set , name )',
        ('index', 'indicators_counterpart'):
            'create index indicators_counterpart on indicators ( counterpart_id )',
        ('index', 'indicators_indicator'):
            'create index indicators_indicator on indicators ( indicator , period_start )',
        ('index', 'indicators_pair'):
            'create index indicators_pair on indicators ( subject_id , counterpart_id , indicator , period_start )',
        ('index', 'indicators_period'):
            'create index indicators_period on indicators ( period_start , period_end )',
        ('index', 'indicators_sources_source'):
            'create index indicators_sources_source on indicators_sources ( source_id )',
        ('index', 'indicators_value'):
            'create index indicators_value on indicators ( value )',
        ('index', 'parties_name_en'):
            'create index parties_name_en on parties ( name_en )',
        ('index', 'parties_parent'):
            'create index parties_parent on parties ( parent_id )',
        ('index', 'parties_sources_source'):
            'create index parties_sources_source on parties_sources ( source_id )',
        ('index', 'people_name_en'):
            'create index people_name_en on people ( name_en )',
        ('index', 'people_sources_source'):
            'create index people_sources_source on people_sources ( source_id )',
        ('index', 'positions_body'):
            'create index positions_body on positions ( body_id )',
        ('index', 'positions_person'):
            'create index positions_person on positions ( person_id )',
        ('index', 'positions_sources_source'):
            'create index positions_sources_source on positions_sources ( source_id )',
        ('index', 'sources_published'):
            'create index sources_published on sources ( published )',
        ('index', 'sources_title'):
            'create index sources_title on sources ( title )',
        ('index', 'statements_event'):
            'create index statements_event on statements ( event_id )',
        ('index', 'statements_person'):
            'create index statements_person on statements ( person_id )',
        ('index', 'statements_sources_source'):
            'create index statements_sources_source on statements_sources ( source_id )',
        ('index', 'subjects_name_en'):
            'create unique index subjects_name_en on subjects ( name_en )',
        ('table', '_sqlite_migrations'):
            'create table _sqlite_migrations ( id integer primary key , migration_set text , name text , applied_at text )',
        ('table', 'agreement_parties'):
            'create table agreement_parties ( agreement_id integer not null references agreements ( id ) on delete cascade , party_id integer not null references parties ( id ) on delete restrict , role text , primary key ( agreement_id , party_id ) )',
        ('table', 'agreement_signatories'):
            'create table agreement_signatories ( agreement_id integer not null references agreements ( id ) on delete cascade , person_id integer not null references people ( id ) on delete restrict , role text , primary key ( agreement_id , person_id ) )',
        ('table', 'agreement_subjects'):
            'create table agreement_subjects ( agreement_id integer not null references agreements ( id ) on delete cascade , subject_id integer not null references subjects ( id ) on delete restrict , primary key ( agreement_id , subject_id ) )',
        ('table', 'agreements'):
            "create table agreements ( id integer primary key , title text not null check ( length ( trim ( title ) ) > 0 ) , kind text not null check ( kind in ( 'agreement' , 'protocol' , 'plan' , 'memorandum' , 'roadmap' , 'treaty' , 'programme' , 'other' ) ) , signed_date text check ( signed_date is null or date ( signed_date , '+0 days' ) is signed_date ) , signed_date_precision text check ( signed_date_precision in ( 'day' , 'month' , 'quarter' , 'year' ) ) check ( ( signed_date is null ) = ( signed_date_precision is null ) ) , valid_from text check ( valid_from is null or date ( valid_from , '+0 days' ) is valid_from ) , valid_from_precision text check ( valid_from_precision in ( 'day' , 'month' , 'quarter' , 'year' ) ) check ( ( valid_from is null ) = ( valid_from_precision is null ) ) , valid_until text check ( valid_until is null or date ( valid_until , '+0 days' ) is valid_until ) , valid_until_precision text check ( valid_until_precision in ( 'day' , 'month' , 'quarter' , 'year' ) ) check ( ( valid_until is null ) = ( valid_until_precision is null ) ) , status text not null check ( status in ( 'draft' , 'signed' , 'in_force' , 'expired' , 'terminated' ) ) , summary text , notes text , check ( valid_until is null or valid_from is null or valid_until > = valid_from ) )",
        ('table', 'agreements_sources'):
            'create table agreements_sources ( agreement_id integer not null references agreements ( id ) on delete cascade , source_id integer not null references sources ( id ) on delete restrict , passage text , primary key ( agreement_id , source_id ) )',
        ('table', 'event_parties'):
            'create table event_parties ( event_id integer not null references events ( id ) on delete cascade , party_id integer not null references parties ( id ) on delete restrict , role text , primary key ( event_id , party_id ) )',
        ('table', 'event_people'):
            'create table event_people ( event_id integer not null references events ( id ) on delete cascade , person_id integer not null references people ( id ) on delete restrict , role text , primary key ( event_id , person_id ) )',
        ('table', 'event_subjects'):
            'create table event_subjects ( event_id integer not null references events ( id ) on delete cascade , subject_id integer not null references subjects ( id ) on delete restrict , primary key ( event_id , subject_id ) )',
        ('table', 'events'):
            "create table events ( id integer primary key , kind text not null check ( kind in ( 'visit' , 'meeting' , 'forum' , 'conference' , 'exhibition' , 'other' ) ) , title text not null check ( length ( trim ( title ) ) > 0 ) , place text , start_date text check ( start_date is null or date ( start_date , '+0 days' ) is start_date ) , start_date_precision text check ( start_date_precision in ( 'day' , 'month' , 'quarter' , 'year' ) ) check ( ( start_date is null ) = ( start_date_precision is null ) ) , end_date text check ( end_date is null or date ( end_date , '+0 days' ) is end_date ) , end_date_precision text check ( end_date_precision in ( 'day' , 'month' , 'quarter' , 'year' ) ) check ( ( end_date is null ) = ( end_date_precision is null ) ) , status text not null check ( status in ( 'planned' , 'held' , 'postponed' , 'cancelled' ) ) , summary text , notes text , check ( end_date is null or start_date is null or end_date > = start_date ) )",
        ('table', 'events_sources'):
            'create table events_sources ( event_id integer not null references events ( id ) on delete cascade , source_id integer not null references sources ( id ) on delete restrict , passage text , primary key ( event_id , source_id ) )',
        ('table', 'indicators'):
            "create table indicators ( id integer primary key , subject_id integer not null references parties ( id ) on delete restrict , counterpart_id integer references parties ( id ) on delete restrict , reporter_id integer references parties ( id ) on delete restrict , indicator text not null check ( length ( trim ( indicator ) ) > 0 ) , period_start text not null check ( period_start is null or date ( period_start , '+0 days' ) is period_start ) , period_end text not null check ( period_end is null or date ( period_end , '+0 days' ) is period_end ) , value real not null check ( typeof ( value ) in ( 'real' , 'integer' ) ) , unit text not null check ( length ( trim ( unit ) ) > 0 ) , notes text , check ( period_end > = period_start ) )",
        ('table', 'indicators_sources'):
            'create table indicators_sources ( indicator_id integer not null references indicators ( id ) on delete cascade , source_id integer not null references sources ( id ) on delete restrict , passage text , primary key ( indicator_id , source_id ) )',
        ('table', 'parties'):
            "create table parties ( id integer primary key , kind text not null check ( kind in ( 'country' , 'region' , 'city' , 'body' , 'organisation' ) ) , name_en text not null check ( length ( trim ( name_en ) ) > 0 ) , name_local text , name_alt text , parent_id integer references parties ( id ) on delete restrict , notes text , check ( parent_id is null or parent_id < > id ) )",
        ('table', 'parties_sources'):
            'create table parties_sources ( party_id integer not null references parties ( id ) on delete cascade , source_id integer not null references sources ( id ) on delete restrict , passage text , primary key ( party_id , source_id ) )',
        ('table', 'people'):
            'create table people ( id integer primary key , name_en text not null check ( length ( trim ( name_en ) ) > 0 ) , name_local text , notes text )',
        ('table', 'people_sources'):
            'create table people_sources ( person_id integer not null references people ( id ) on delete cascade , source_id integer not null references sources ( id ) on delete restrict , passage text , primary key ( person_id , source_id ) )',
        ('table', 'positions'):
            "create table positions ( id integer primary key , person_id integer not null references people ( id ) on delete cascade , title text not null check ( length ( trim ( title ) ) > 0 ) , body_id integer references parties ( id ) on delete restrict , start_date text check ( start_date is null or date ( start_date , '+0 days' ) is start_date ) , start_date_precision text check ( start_date_precision in ( 'day' , 'month' , 'quarter' , 'year' ) ) check ( ( start_date is null ) = ( start_date_precision is null ) ) , end_date text check ( end_date is null or date ( end_date , '+0 days' ) is end_date ) , end_date_precision text check ( end_date_precision in ( 'day' , 'month' , 'quarter' , 'year' ) ) check ( ( end_date is null ) = ( end_date_precision is null ) ) , verified_on text check ( verified_on is null or date ( verified_on , '+0 days' ) is verified_on ) , notes text , check ( end_date is null or start_date is null or end_date > = start_date ) )",
        ('table', 'positions_sources'):
            'create table positions_sources ( position_id integer not null references positions ( id ) on delete cascade , source_id integer not null references sources ( id ) on delete restrict , passage text , primary key ( position_id , source_id ) )',
        ('table', 'sources'):
            "create table sources ( id integer primary key , title text not null check ( length ( trim ( title ) ) > 0 ) , publisher text , url text , published text check ( published is null or date ( published , '+0 days' ) is published ) , accessed text check ( accessed is null or date ( accessed , '+0 days' ) is accessed ) , notes text , text text )",
        ('table', 'statements'):
            "create table statements ( id integer primary key , person_id integer references people ( id ) on delete restrict , text text not null check ( length ( trim ( text ) ) > 0 ) , said_date text check ( said_date is null or date ( said_date , '+0 days' ) is said_date ) , said_date_precision text check ( said_date_precision in ( 'day' , 'month' , 'quarter' , 'year' ) ) check ( ( said_date is null ) = ( said_date_precision is null ) ) , event_id integer references events ( id ) on delete set null , language text , notes text )",
        ('table', 'statements_sources'):
            'create table statements_sources ( statement_id integer not null references statements ( id ) on delete cascade , source_id integer not null references sources ( id ) on delete restrict , passage text , primary key ( statement_id , source_id ) )',
        ('table', 'subjects'):
            'create table subjects ( id integer primary key , name_en text not null check ( length ( trim ( name_en ) ) > 0 ) , name_local text )',
    },
    2: {
        ('index', 'agreement_parties_party'):
            'create index agreement_parties_party on agreement_parties ( party_id )',
        ('index', 'agreement_signatories_person'):
            'create index agreement_signatories_person on agreement_signatories ( person_id )',
        ('index', 'agreement_subjects_subject'):
            'create index agreement_subjects_subject on agreement_subjects ( subject_id )',
        ('index', 'agreements_signed'):
            'create index agreements_signed on agreements ( signed_date )',
        ('index', 'agreements_sources_source'):
            'create index agreements_sources_source on agreements_sources ( source_id )',
        ('index', 'agreements_title'):
            'create index agreements_title on agreements ( title )',
        ('index', 'event_parties_party'):
            'create index event_parties_party on event_parties ( party_id )',
        ('index', 'event_people_person'):
            'create index event_people_person on event_people ( person_id )',
        ('index', 'event_subjects_subject'):
            'create index event_subjects_subject on event_subjects ( subject_id )',
        ('index', 'events_sources_source'):
            'create index events_sources_source on events_sources ( source_id )',
        ('index', 'events_start'):
            'create index events_start on events ( start_date )',
        ('index', 'idx__sqlite_migrations_migration_set_name'):
            'create unique index idx__sqlite_migrations_migration_set_name on _sqlite_migrations ( migration_set , name )',
        ('index', 'indicators_counterpart'):
            'create index indicators_counterpart on indicators ( counterpart_id )',
        ('index', 'indicators_indicator'):
            'create index indicators_indicator on indicators ( indicator , period_start )',
        ('index', 'indicators_pair'):
            'create index indicators_pair on indicators ( subject_id , counterpart_id , indicator , period_start )',
        ('index', 'indicators_period'):
            'create index indicators_period on indicators ( period_start , period_end )',
        ('index', 'indicators_sources_source'):
            'create index indicators_sources_source on indicators_sources ( source_id )',
        ('index', 'indicators_unit'):
            'create index indicators_unit on indicators ( unit )',
        ('index', 'indicators_value'):
            'create index indicators_value on indicators ( value )',
        ('index', 'parties_name_en'):
            'create index parties_name_en on parties ( name_en )',
        ('index', 'parties_parent'):
            'create index parties_parent on parties ( parent_id )',
        ('index', 'parties_sources_source'):
            'create index parties_sources_source on parties_sources ( source_id )',
        ('index', 'people_name_en'):
            'create index people_name_en on people ( name_en )',
        ('index', 'people_sources_source'):
            'create index people_sources_source on people_sources ( source_id )',
        ('index', 'positions_body'):
            'create index positions_body on positions ( body_id )',
        ('index', 'positions_person'):
            'create index positions_person on positions ( person_id )',
        ('index', 'positions_sources_source'):
            'create index positions_sources_source on positions_sources ( source_id )',
        ('index', 'sources_published'):
            'create index sources_published on sources ( published )',
        ('index', 'sources_title'):
            'create index sources_title on sources ( title )',
        ('index', 'statements_event'):
            'create index statements_event on statements ( event_id )',
        ('index', 'statements_person'):
            'create index statements_person on statements ( person_id )',
        ('index', 'statements_sources_source'):
            'create index statements_sources_source on statements_sources ( source_id )',
        ('index', 'subjects_name_en'):
            'create unique index subjects_name_en on subjects ( name_en )',
        ('table', '_sqlite_migrations'):
            'create table _sqlite_migrations ( id integer primary key , migration_set text , name text , applied_at text )',
        ('table', 'agreement_parties'):
            'create table agreement_parties ( agreement_id integer not null references agreements ( id ) on delete cascade , party_id integer not null references parties ( id ) on delete restrict , role text , primary key ( agreement_id , party_id ) )',
        ('table', 'agreement_signatories'):
            'create table agreement_signatories ( agreement_id integer not null references agreements ( id ) on delete cascade , person_id integer not null references people ( id ) on delete restrict , role text , primary key ( agreement_id , person_id ) )',
        ('table', 'agreement_subjects'):
            'create table agreement_subjects ( agreement_id integer not null references agreements ( id ) on delete cascade , subject_id integer not null references subjects ( id ) on delete restrict , primary key ( agreement_id , subject_id ) )',
        ('table', 'agreements'):
            "create table agreements ( id integer primary key , title text not null check ( length ( trim ( title ) ) > 0 ) , kind text not null check ( kind in ( 'agreement' , 'protocol' , 'plan' , 'memorandum' , 'roadmap' , 'treaty' , 'programme' , 'other' ) ) , signed_date text check ( signed_date is null or date ( signed_date , '+0 days' ) is signed_date ) , signed_date_precision text check ( signed_date_precision in ( 'day' , 'month' , 'quarter' , 'year' ) ) check ( ( signed_date is null ) = ( signed_date_precision is null ) ) , valid_from text check ( valid_from is null or date ( valid_from , '+0 days' ) is valid_from ) , valid_from_precision text check ( valid_from_precision in ( 'day' , 'month' , 'quarter' , 'year' ) ) check ( ( valid_from is null ) = ( valid_from_precision is null ) ) , valid_until text check ( valid_until is null or date ( valid_until , '+0 days' ) is valid_until ) , valid_until_precision text check ( valid_until_precision in ( 'day' , 'month' , 'quarter' , 'year' ) ) check ( ( valid_until is null ) = ( valid_until_precision is null ) ) , status text not null check ( status in ( 'draft' , 'signed' , 'in_force' , 'expired' , 'terminated' ) ) , summary text , notes text , check ( valid_until is null or valid_from is null or valid_until > = valid_from ) )",
        ('table', 'agreements_sources'):
            'create table agreements_sources ( agreement_id integer not null references agreements ( id ) on delete cascade , source_id integer not null references sources ( id ) on delete restrict , passage text , primary key ( agreement_id , source_id ) )',
        ('table', 'event_parties'):
            'create table event_parties ( event_id integer not null references events ( id ) on delete cascade , party_id integer not null references parties ( id ) on delete restrict , role text , primary key ( event_id , party_id ) )',
        ('table', 'event_people'):
            'create table event_people ( event_id integer not null references events ( id ) on delete cascade , person_id integer not null references people ( id ) on delete restrict , role text , primary key ( event_id , person_id ) )',
        ('table', 'event_subjects'):
            'create table event_subjects ( event_id integer not null references events ( id ) on delete cascade , subject_id integer not null references subjects ( id ) on delete restrict , primary key ( event_id , subject_id ) )',
        ('table', 'events'):
            "create table events ( id integer primary key , kind text not null check ( kind in ( 'visit' , 'meeting' , 'forum' , 'conference' , 'exhibition' , 'other' ) ) , title text not null check ( length ( trim ( title ) ) > 0 ) , place text , start_date text check ( start_date is null or date ( start_date , '+0 days' ) is start_date ) , start_date_precision text check ( start_date_precision in ( 'day' , 'month' , 'quarter' , 'year' ) ) check ( ( start_date is null ) = ( start_date_precision is null ) ) , end_date text check ( end_date is null or date ( end_date , '+0 days' ) is end_date ) , end_date_precision text check ( end_date_precision in ( 'day' , 'month' , 'quarter' , 'year' ) ) check ( ( end_date is null ) = ( end_date_precision is null ) ) , status text not null check ( status in ( 'planned' , 'held' , 'postponed' , 'cancelled' ) ) , summary text , notes text , check ( end_date is null or start_date is null or end_date > = start_date ) )",
        ('table', 'events_sources'):
            'create table events_sources ( event_id integer not null references events ( id ) on delete cascade , source_id integer not null references sources ( id ) on delete restrict , passage text , primary key ( event_id , source_id ) )',
        ('table', 'indicators'):
            "create table indicators ( id integer primary key , subject_id integer not null references parties ( id ) on delete restrict , counterpart_id integer references parties ( id ) on delete restrict , reporter_id integer references parties ( id ) on delete restrict , indicator text not null check ( length ( trim ( indicator ) ) > 0 ) , period_start text not null check ( period_start is null or date ( period_start , '+0 days' ) is period_start ) , period_end text not null check ( period_end is null or date ( period_end , '+0 days' ) is period_end ) , value real not null check ( typeof ( value ) in ( 'real' , 'integer' ) ) , unit text not null check ( length ( trim ( unit ) ) > 0 ) , notes text , check ( period_end > = period_start ) )",
        ('table', 'indicators_sources'):
            'create table indicators_sources ( indicator_id integer not null references indicators ( id ) on delete cascade , source_id integer not null references sources ( id ) on delete restrict , passage text , primary key ( indicator_id , source_id ) )',
        ('table', 'parties'):
            "create table parties ( id integer primary key , kind text not null check ( kind in ( 'country' , 'region' , 'city' , 'body' , 'organisation' ) ) , name_en text not null check ( length ( trim ( name_en ) ) > 0 ) , name_local text , name_alt text , parent_id integer references parties ( id ) on delete restrict , notes text , check ( parent_id is null or parent_id < > id ) )",
        ('table', 'parties_sources'):
            'create table parties_sources ( party_id integer not null references parties ( id ) on delete cascade , source_id integer not null references sources ( id ) on delete restrict , passage text , primary key ( party_id , source_id ) )',
        ('table', 'people'):
            'create table people ( id integer primary key , name_en text not null check ( length ( trim ( name_en ) ) > 0 ) , name_local text , notes text )',
        ('table', 'people_sources'):
            'create table people_sources ( person_id integer not null references people ( id ) on delete cascade , source_id integer not null references sources ( id ) on delete restrict , passage text , primary key ( person_id , source_id ) )',
        ('table', 'positions'):
            "create table positions ( id integer primary key , person_id integer not null references people ( id ) on delete cascade , title text not null check ( length ( trim ( title ) ) > 0 ) , body_id integer references parties ( id ) on delete restrict , start_date text check ( start_date is null or date ( start_date , '+0 days' ) is start_date ) , start_date_precision text check ( start_date_precision in ( 'day' , 'month' , 'quarter' , 'year' ) ) check ( ( start_date is null ) = ( start_date_precision is null ) ) , end_date text check ( end_date is null or date ( end_date , '+0 days' ) is end_date ) , end_date_precision text check ( end_date_precision in ( 'day' , 'month' , 'quarter' , 'year' ) ) check ( ( end_date is null ) = ( end_date_precision is null ) ) , verified_on text check ( verified_on is null or date ( verified_on , '+0 days' ) is verified_on ) , notes text , check ( end_date is null or start_date is null or end_date > = start_date ) )",
        ('table', 'positions_sources'):
            'create table positions_sources ( position_id integer not null references positions ( id ) on delete cascade , source_id integer not null references sources ( id ) on delete restrict , passage text , primary key ( position_id , source_id ) )',
        ('table', 'search_changes'):
            'create table search_changes ( kind text not null , record_id integer not null )',
        ('table', 'search_index'):
            "create virtual table search_index using fts5 ( title , body , tokenize = 'unicode61 remove_diacritics 2' )",
        ('table', 'search_index_config'):
            "create table 'search_index_config' ( k primary key , v ) without rowid",
        ('table', 'search_index_content'):
            "create table 'search_index_content' ( id integer primary key , c0 , c1 )",
        ('table', 'search_index_data'):
            "create table 'search_index_data' ( id integer primary key , block blob )",
        ('table', 'search_index_docsize'):
            "create table 'search_index_docsize' ( id integer primary key , sz blob )",
        ('table', 'search_index_idx'):
            "create table 'search_index_idx' ( segid , term , pgno , primary key ( segid , term ) ) without rowid",
        ('table', 'sources'):
            "create table sources ( id integer primary key , title text not null check ( length ( trim ( title ) ) > 0 ) , publisher text , url text , published text check ( published is null or date ( published , '+0 days' ) is published ) , accessed text check ( accessed is null or date ( accessed , '+0 days' ) is accessed ) , notes text , text text )",
        ('table', 'statements'):
            "create table statements ( id integer primary key , person_id integer references people ( id ) on delete restrict , text text not null check ( length ( trim ( text ) ) > 0 ) , said_date text check ( said_date is null or date ( said_date , '+0 days' ) is said_date ) , said_date_precision text check ( said_date_precision in ( 'day' , 'month' , 'quarter' , 'year' ) ) check ( ( said_date is null ) = ( said_date_precision is null ) ) , event_id integer references events ( id ) on delete set null , language text , notes text )",
        ('table', 'statements_sources'):
            'create table statements_sources ( statement_id integer not null references statements ( id ) on delete cascade , source_id integer not null references sources ( id ) on delete restrict , passage text , primary key ( statement_id , source_id ) )',
        ('table', 'subjects'):
            'create table subjects ( id integer primary key , name_en text not null check ( length ( trim ( name_en ) ) > 0 ) , name_local text )',
        ('trigger', 'agreements_search_delete'):
            "create trigger agreements_search_delete after delete on agreements begin insert into search_changes ( kind , record_id ) values ( 'agreement' , old . id ) ; end",
        ('trigger', 'agreements_search_insert'):
            "create trigger agreements_search_insert after insert on agreements begin insert into search_changes ( kind , record_id ) values ( 'agreement' , new . id ) ; end",
        ('trigger', 'agreements_search_update'):
            "create trigger agreements_search_update after update on agreements begin insert into search_changes ( kind , record_id ) values ( 'agreement' , old . id ) , ( 'agreement' , new . id ) ; end",
        ('trigger', 'events_search_delete'):
            "create trigger events_search_delete after delete on events begin insert into search_changes ( kind , record_id ) values ( 'event' , old . id ) ; end",
        ('trigger', 'events_search_insert'):
            "create trigger events_search_insert after insert on events begin insert into search_changes ( kind , record_id ) values ( 'event' , new . id ) ; end",
        ('trigger', 'events_search_update'):
            "create trigger events_search_update after update on events begin insert into search_changes ( kind , record_id ) values ( 'event' , old . id ) , ( 'event' , new . id ) ; end",
        ('trigger', 'parties_search_delete'):
            "create trigger parties_search_delete after delete on parties begin insert into search_changes ( kind , record_id ) values ( 'party' , old . id ) ; end",
        ('trigger', 'parties_search_insert'):
            "create trigger parties_search_insert after insert on parties begin insert into search_changes ( kind , record_id ) values ( 'party' , new . id ) ; end",
        ('trigger', 'parties_search_update'):
            "create trigger parties_search_update after update on parties begin insert into search_changes ( kind , record_id ) values ( 'party' , old . id ) , ( 'party' , new . id ) ; end",
        ('trigger', 'people_search_delete'):
            "create trigger people_search_delete after delete on people begin insert into search_changes ( kind , record_id ) values ( 'person' , old . id ) ; end",
        ('trigger', 'people_search_insert'):
            "create trigger people_search_insert after insert on people begin insert into search_changes ( kind , record_id ) values ( 'person' , new . id ) ; end",
        ('trigger', 'people_search_update'):
            "create trigger people_search_update after update on people begin insert into search_changes ( kind , record_id ) values ( 'person' , old . id ) , ( 'person' , new . id ) ; end",
        ('trigger', 'positions_search_delete'):
            "create trigger positions_search_delete after delete on positions begin insert into search_changes ( kind , record_id ) values ( 'position' , old . id ) ; end",
        ('trigger', 'positions_search_insert'):
            "create trigger positions_search_insert after insert on positions begin insert into search_changes ( kind , record_id ) values ( 'position' , new . id ) ; end",
        ('trigger', 'positions_search_update'):
            "create trigger positions_search_update after update on positions begin insert into search_changes ( kind , record_id ) values ( 'position' , old . id ) , ( 'position' , new . id ) ; end",
        ('trigger', 'sources_search_delete'):
            "create trigger sources_search_delete after delete on sources begin insert into search_changes ( kind , record_id ) values ( 'source' , old . id ) ; end",
        ('trigger', 'sources_search_insert'):
            "create trigger sources_search_insert after insert on sources begin insert into search_changes ( kind , record_id ) values ( 'source' , new . id ) ; end",
        ('trigger', 'sources_search_update'):
            "create trigger sources_search_update after update on sources begin insert into search_changes ( kind , record_id ) values ( 'source' , old . id ) , ( 'source' , new . id ) ; end",
        ('trigger', 'statements_search_delete'):
            "create trigger statements_search_delete after delete on statements begin insert into search_changes ( kind , record_id ) values ( 'statement' , old . id ) ; end",
        ('trigger', 'statements_search_insert'):
            "create trigger statements_search_insert after insert on statements begin insert into search_changes ( kind , record_id ) values ( 'statement' , new . id ) ; end",
        ('trigger', 'statements_search_update'):
            "create trigger statements_search_update after update on statements begin insert into search_changes ( kind , record_id ) values ( 'statement' , old . id ) , ( 'statement' , new . id ) ; end",
        ('trigger', 'subjects_search_delete'):
            "create trigger subjects_search_delete after delete on subjects begin insert into search_changes ( kind , record_id ) values ( 'subject' , old . id ) ; end",
        ('trigger', 'subjects_search_insert'):
            "create trigger subjects_search_insert after insert on subjects begin insert into search_changes ( kind , record_id ) values ( 'subject' , new . id ) ; end",
        ('trigger', 'subjects_search_update'):
            "create trigger subjects_search_update after update on subjects begin insert into search_changes ( kind , record_id ) values ( 'subject' , old . id ) , ( 'subject' , new . id ) ; end",
    },
}
