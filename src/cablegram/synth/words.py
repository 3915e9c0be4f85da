"""Word lists for synthetic telegrams: officers' names, offices, subjects and paragraph text.

Everything here is invented for cablegram (no text is copied from real cables). The lists are
combined by ``synth.text`` through sentence templates with slots, so that a corpus of a million
cables does not repeat the same paragraph: a template has tens of slots, each slot tens to
hundreds of fillers.
"""

from __future__ import annotations

FIRST_NAMES = tuple("""
Aaron Abigail Adam Adrian Alan Albert Alice Alicia Allen Amanda Amy Andrea Andrew Angela Anita Ann Anne
Anthony Arthur Audrey Barbara Barry Beatrice Benjamin Bernard Beth Betty Beverly Brenda Brian Bruce Carl
Carla Carol Caroline Catherine Cecilia Charles Charlotte Cheryl Christine Christopher Clara Clark Claude
Colin Constance Craig Cynthia Dale Daniel David Dean Deborah Dennis Diana Donald Donna Dorothy Douglas
Edith Edmund Edward Eileen Elaine Eleanor Elizabeth Ellen Emily Eric Ernest Eugene Evelyn Frances Francis
Frank Frederick Gail Gary George Gerald Gloria Gordon Grace Gregory Harold Harriet Harvey Helen Henry
Herbert Howard Irene Isabel Jack James Jane Janet Jean Jeffrey Jennifer Jerome Joan Joanne John Jonathan
Joseph Joyce Judith Julia Karen Katherine Kenneth Kevin Laura Lawrence Leonard Leslie Lewis Linda Lois
Louis Louise Lucy Malcolm Margaret Marian Marilyn Mark Martha Martin Mary Matthew Maurice Melvin Michael
Miriam Nancy Nathan Neil Nicholas Norman Oliver Pamela Patricia Patrick Paul Pauline Peter Philip
Phyllis Rachel Ralph Raymond Rebecca Richard Robert Roger Ronald Rose Ruth Samuel Sandra Sarah Sharon
Stanley Stephen Steven Stuart Susan Teresa Theodore Thomas Timothy Valerie Victor Vincent Virginia
Walter Warren Wayne William Winifred
""".split())

SURNAMES = tuple("""
ABBOTT ACKERMAN ADLER AINSWORTH ALCOTT ALDEN ALDRIDGE ARCHER ARMITAGE ASHBY ATWOOD AVERY BAILEY BAINBRIDGE
BALDWIN BANCROFT BARLOW BARNES BARTON BATES BEAUMONT BECKETT BELLAMY BENTLEY BERKELEY BIDWELL BINGHAM
BLACKWOOD BLAKELY BOLTON BOWDEN BRADFORD BRAMWELL BRANDT BRENNAN BREWSTER BRIGGS BROCKWAY BRODERICK
BUCKLEY BURGESS BURNHAM CALDWELL CALLOWAY CARLISLE CARMICHAEL CARVER CASWELL CHADWICK CHANDLER
CHATFIELD CHESTER CLAYBORNE CLEMENTS COLBURN COLEMAN CONWAY CORCORAN CORNWELL CRANDALL CRAWLEY CROSBY
CROWELL CULVER CUNNINGHAM DALTON DANFORTH DARBY DAVENPORT DELANEY DENHAM DEVERELL DOWLING DRISCOLL
DRUMMOND DUNBAR DUNLAP DURHAM EASTMAN EATON ELLSWORTH EMERSON EVERETT FAIRBANKS FARRELL FAULKNER
FENWICK FIELDING FINCH FLETCHER FORBES FOSTER FOWLER FRASER GALLAGHER GARDINER GARRISON GIFFORD
GILMORE GODDARD GOODWIN GRAFTON GRANGER GREELEY GRIMSLEY HADLEY HALLORAN HAMMOND HANSFORD HARDING
HARLOW HARTLEY HASTINGS HATHAWAY HAWTHORNE HAYWARD HEALEY HENDRICKS HOLLISTER HOLLOWAY HOPKINS HORTON
HOUGHTON HUNTINGTON HUXLEY INGRAM IRVING JAMESON JARVIS JENNINGS KEATING KELLOGG KENDALL KERSHAW
KIMBALL KINGSLEY KIRKLAND KNOWLES LANCASTER LANGLEY LATHAM LAWRENCE LEDFORD LINDQUIST LOCKWOOD
LOWELL LUDLOW LYNDON MADDOX MALLORY MANNING MARSDEN MAXWELL MAYNARD MCALLISTER MCBRIDE MCCORMICK
MEADOWS MERRIMAN MIDDLETON MONTROSE MORRISON MORTIMER NASH NEWCOMB NORCROSS NORTHRUP OAKLEY OGDEN
OLIPHANT OSBORNE PACKARD PALMER PARRISH PEABODY PELHAM PENDLETON PERCIVAL PICKETT PRESCOTT PRITCHARD
QUINCY RADCLIFFE RAMSEY RANDOLPH RATHBONE REDFIELD REMINGTON RICHMOND RIDGEWAY ROCKWELL ROWLAND
RUTLEDGE SALTONSTALL SAWYER SEDGWICK SHEFFIELD SHELBY SHERWOOD SINCLAIR SLOCUM SPALDING SPENCER
STAFFORD STANDISH STANTON STEARNS STODDARD STRATTON SUMNER SUTCLIFFE TALBOT TEMPLETON THATCHER
THORNDIKE THORNTON TILDEN TOWNSEND TRUMBULL UPTON VANDERMEER VAUGHAN WADSWORTH WAKEFIELD WALCOTT
WARFIELD WEBSTER WELLESLEY WENTWORTH WESTBROOK WHEATON WHITCOMB WHITFIELD WICKHAM WILLOUGHBY
WINSLOW WINTHROP WOODBURY WORTHINGTON WYATT YARDLEY YATES
""".split())

MIDDLE_INITIALS = tuple("ABCDEFGHJKLMNPRSTW")

# Department bureaus and offices (symbols in the style of the 1990s).
OFFICES = tuple("""
EAP/K EAP/CM EAP/J EAP/ANZ EAP/PHL EAP/VLC EAP/RSP EUR/RUS EUR/CE EUR/WE EUR/NB EUR/SE EUR/RPM EUR/UBI
NEA/IAI NEA/ARN NEA/NGA NEA/ENA NEA/RA SA/PAB SA/INS AF/W AF/E AF/S AF/C AF/RA ARA/MEX ARA/CEN ARA/AND
ARA/BSC ARA/CAR WHA/MEX WHA/CEN IO/UNP IO/PHO PM/RSAT PM/ISP INR/EAP INR/REA L/EAP L/PM EB/OT EB/IFD
EB/ESC OES/OA OES/ENV DRL/BA CA/VO CA/OCS S/P S/CT S/NIS P/SEC D/SEC INL/AAE PRM/ECA
""".split())
CLEARING_OFFICES = OFFICES + tuple("S/S S/S-O NSC: OSD DOD/ISA TREASURY USTR".replace(":", "").split())

TITLES_EMBASSY = (
    "Political Counselor", "Deputy Chief of Mission", "Charge d'Affaires", "Ambassador",
    "Economic Counselor", "Political Officer", "Political-Economic Counselor", "Consul General",
    "Principal Officer", "Regional Affairs Officer", "Defense Attache",
)
TITLES_SHORT = ("POLCOUNS", "DCM", "CDA", "AMBASSADOR", "ECONCOUNS", "POLOFF", "CONSUL GENERAL")
TITLES_DEPARTMENT = (
    "Deputy Assistant Secretary", "Office Director", "Deputy Director", "Assistant Secretary",
    "Deputy Coordinator", "Special Envoy", "Senior Advisor",
)

# Secretaries of State by year of taking office (a matter of public record), for Department signatures.
SECRETARIES = (
    (1973, "KISSINGER"), (1977, "VANCE"), (1980, "MUSKIE"), (1981, "HAIG"), (1982, "SHULTZ"),
    (1989, "BAKER"), (1992, "EAGLEBURGER"), (1993, "CHRISTOPHER"), (1997, "ALBRIGHT"),
    (2001, "POWELL"), (2005, "RICE"), (2009, "CLINTON"), (2013, "KERRY"),
)

# TAGS subject and program codes with weights (a few dominate, as in real traffic).
TAGS_BY_ERA = {
    "1970s": (("PFOR", 40), ("PINT", 22), ("ECON", 12), ("EFIN", 8), ("ETRD", 8), ("OVIP", 6), ("PORG", 6),
              ("MARR", 6), ("EAID", 6), ("SNAR", 4), ("PDIP", 4), ("CVIS", 3), ("ENRG", 4), ("SHUM", 3),
              ("EGEN", 3), ("OEXC", 3), ("SCUL", 2), ("CASC", 3), ("PARM", 3), ("MASS", 2), ("AORC", 2),
              ("ELAB", 2), ("EAGR", 2), ("TSPA", 1), ("SENV", 1), ("APER", 2), ("AMGT", 2), ("ASEC", 2)),
    "modern": (("PREL", 40), ("PGOV", 30), ("ECON", 12), ("PHUM", 10), ("PTER", 8), ("MARR", 6), ("ETRD", 7),
               ("EFIN", 6), ("KDEM", 6), ("PINR", 5), ("EAID", 6), ("ENRG", 5), ("SNAR", 4), ("KNNP", 4),
               ("PARM", 4), ("MOPS", 3), ("SOCI", 4), ("EINV", 4), ("CVIS", 3), ("KCRM", 3), ("ASEC", 3),
               ("AMGT", 2), ("OVIP", 3), ("KWMN", 2), ("SCUL", 2), ("KIRF", 2), ("SMIG", 2), ("PREF", 2),
               ("EPET", 2), ("KTIP", 1), ("KJUS", 2), ("KCOR", 2), ("KPAO", 2), ("OEXC", 2), ("SENV", 2),
               ("TBIO", 1), ("ELAB", 2), ("EAGR", 2), ("KPKO", 1), ("KTFN", 1), ("KISL", 1), ("KMDR", 1),
               ("UNSC", 2), ("NATO", 2), ("IAEA", 1), ("EUN", 1), ("UNGA", 1), ("APER", 1), ("AORC", 2),
               ("CASC", 2), ("BEXP", 1), ("ETTC", 1), ("EWWT", 1), ("MASS", 1), ("ECIN", 1)),
}

# -- paragraph text -----------------------------------------------------------------------------
OFFICIALS = (
    "the Foreign Minister", "the Deputy Foreign Minister", "the Prime Minister", "the President",
    "the Minister of Finance", "the Defense Minister", "the Interior Minister", "the Central Bank Governor",
    "the Minister of Trade", "the Energy Minister", "the Justice Minister", "the Speaker of Parliament",
    "the opposition leader", "the ruling party's secretary general", "the MFA Director for Americas",
    "the MFA Director for Europe", "the presidential spokesman", "the Chief of Defense Staff",
    "the Minister of Agriculture", "the Health Minister", "the Education Minister", "the Labor Minister",
    "the national security adviser", "a senior MFA official", "the Vice President", "the mayor of the capital",
    "the chief negotiator", "the head of the election commission", "the Attorney General",
    "the Chief Justice", "the police commissioner", "the Minister of Mines", "the Transport Minister",
)
US_SIDE = (
    "the Ambassador", "the DCM", "the Charge", "Poloff", "Econoff", "PolCouns", "EconCouns", "the visiting delegation",
    "the Deputy Assistant Secretary", "Embassy officers", "the Defense Attache", "the Consul General",
    "the Political Counselor", "the Assistant Secretary", "the codel", "the Regional Security Officer",
)
ACTIONS_PAST = (
    "met", "called on", "discussed the matter with", "raised our concerns with", "briefed", "consulted",
    "delivered the demarche to", "reviewed the proposal with", "pressed", "lunched with", "spoke by phone with",
    "followed up with", "urged", "cautioned", "sounded out", "exchanged views with", "reassured",
)
TOPICS = (
    "the draft trade agreement", "the upcoming elections", "the border dispute", "the refugee situation",
    "the budget shortfall", "the fisheries negotiations", "the visa backlog", "the arms control talks",
    "the human rights report", "the debt rescheduling", "the counternarcotics program", "the energy tariff",
    "the aviation agreement", "the proposed summit", "the cabinet reshuffle", "the new press law",
    "the customs reform", "the grain purchase", "the peace process", "the nuclear safeguards inspection",
    "the port concession", "the privatization program", "the military exercise", "the extradition request",
    "the investment treaty", "the textile quota", "the pipeline project", "the election observers",
    "the Security Council resolution", "the donor conference", "the drought relief effort",
    "the customs union", "the telecommunications tender", "the anti-corruption campaign",
    "the constitutional amendment", "the labor strike", "the hostage case", "the base rights talks",
    "the water-sharing accord", "the textile dispute", "the civil aviation audit", "the IMF program",
    "the scholarship program", "the consular access case", "the demining project", "the census results",
    "the regional trade bloc", "the maritime boundary", "the trafficking report", "the export licenses",
    "the parliamentary inquiry", "the university reform", "the health campaign", "the tax package",
)
ATTITUDES = (
    "was noncommittal", "expressed cautious support", "was openly skeptical", "welcomed the initiative",
    "promised a reply within the week", "asked for more time", "raised no objection", "pushed back firmly",
    "sought further clarification", "appeared well briefed", "seemed surprised by our position",
    "agreed in principle", "declined to comment", "hinted at a compromise", "stressed domestic constraints",
    "complained about the delay", "said the cabinet was divided", "pledged full cooperation",
    "conceded the point", "insisted on reciprocity", "suggested a working group",
)
REASONS = (
    "because of pressure from the opposition", "given the fragile coalition", "in view of the coming budget debate",
    "as long as the talks continue", "until the commission reports", "given the economic slowdown",
    "because the President has not yet decided", "pending consultations with neighbors",
    "in light of recent press reports", "because of the approaching holiday season",
    "given strong public feeling on the issue", "since the army remains wary", "despite donor pressure",
    "while the legal review is under way", "owing to a shortage of funds", "after last month's unrest",
)
OUTCOMES = (
    "a decision is unlikely before the end of the month", "the government will probably seek a delay",
    "the issue will return to the cabinet next week", "the parties are close to agreement",
    "further progress depends on outside financing", "the proposal faces a difficult passage in parliament",
    "we can expect a formal reply shortly", "the ministry will issue a statement", "the talks may collapse",
    "the matter is likely to be referred to a committee", "the opposition will try to exploit the issue",
    "local press coverage will remain intense", "the central bank will intervene again",
    "the ministry will need technical help", "the donors will meet again in the spring",
)
FACT_SUBJECTS = (
    "Local press", "The leading daily", "Opposition newspapers", "Government statistics", "Embassy contacts",
    "Business leaders", "Diplomatic colleagues", "Party insiders", "Academic observers", "The state radio",
    "Trade union officials", "Several ministers", "Provincial officials", "NGO representatives",
    "Bankers we spoke to", "Foreign investors", "Church leaders", "Student groups",
)
FACT_VERBS = (
    "report that", "claim that", "believe that", "told us that", "expect that", "warn that", "suggest that",
    "now concede that", "privately acknowledge that", "insist that", "doubt that",
)
FACT_CLAUSES = (
    "inflation has risen sharply since the spring", "the governing coalition is losing support",
    "the security forces are stretched thin", "exports fell for the third quarter running",
    "the harvest will be well below average", "the reform package has stalled",
    "the President's health is a growing concern", "several ministers may resign",
    "the currency is overvalued", "the army will stay out of politics", "foreign reserves are dangerously low",
    "the border remains calm", "smuggling has increased along the coast", "unemployment is rising in the cities",
    "the new law will be enforced selectively", "the ruling party will win a comfortable majority",
    "investment from abroad has slowed", "the refugee flow has eased", "the strike will spread to the ports",
    "the talks have made little headway", "the electricity shortages will continue into the summer",
    "the press is freer than at any time in a decade", "the court will rule before the recess",
)
COMMENTS = (
    "We believe", "In our view", "We judge that", "Embassy assesses that", "It seems clear that",
    "We suspect", "On balance we think", "Our sense is that", "We are not persuaded that",
)
REQUESTS = (
    "Embassy requests guidance on", "Post would welcome the Department's views on",
    "Department is requested to confirm", "We recommend that Washington consider",
    "Please advise on", "Request authorization to discuss", "We would appreciate early word on",
)
TIME_PHRASES = (
    "On Monday", "On Tuesday", "On Wednesday", "On Thursday", "On Friday", "Yesterday", "Earlier this week",
    "Last week", "During a meeting on", "At a dinner hosted by the Ambassador", "In a brief exchange",
    "At the ministry", "On the margins of the conference", "In a follow-up call",
)
CONNECTIVES = ("However,", "Moreover,", "At the same time,", "Nevertheless,", "In addition,", "Separately,",
               "Privately,", "For his part,", "For her part,", "Meanwhile,", "Finally,")
NUMBERS_WORDS = ("two", "three", "four", "five", "six", "several", "a dozen", "twenty", "thirty", "fifty")
UNITS = ("percent", "million dollars", "tons", "officials", "delegates", "projects", "detainees", "villages",
         "companies", "students", "seats", "hectares")

# Subject lines: a head and a tail, plus a place.
SUBJECT_HEADS = (
    "MEETING WITH", "DEMARCHE ON", "VIEWS OF", "READOUT OF", "CALL ON", "REACTION TO", "PROSPECTS FOR",
    "UPDATE ON", "REQUEST FOR GUIDANCE ON", "COMMENTS ON", "DEVELOPMENTS IN", "OUTLOOK FOR",
    "CONCERNS ABOUT", "PROGRESS ON", "DELAY IN", "QUESTIONS ABOUT", "BRIEFING ON", "PRESS REPORTING ON",
)
SUBJECT_NOUNS = tuple(t.upper().removeprefix("THE ") for t in TOPICS) + (
    "ELECTION CAMPAIGN", "PARLIAMENTARY SESSION", "BUDGET DEBATE", "OIL PRICES", "GRAIN HARVEST",
    "STUDENT PROTESTS", "PRESS FREEDOM", "MILITARY ASSISTANCE", "DEBT RELIEF", "BORDER INCIDENT",
    "TRADE DEFICIT", "MINISTERIAL VISIT", "CABINET CHANGES", "CURRENCY CRISIS", "AIRPORT SECURITY",
)
