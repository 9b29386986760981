#!/usr/bin/env python3
# ruff: noqa: E501  (the releases are data: one sentence a line reads better than wrapped strings)
"""Write examples/sample-collection.jsonl: about 60 invented releases in IOM's style.

    python examples/make_sample_collection.py

Every person, quote, number and address below is invented (see ../shared/DOMAIN.md for the
style: en-dash datelines, IOM in apposition, quotes with roles, contact blocks, Press Briefing
Notes, hard-wrapped old releases). The releases span 18 months so that month-by-month charts in
the notebooks mean something. Phone numbers are checked with ``phonenumbers`` so that each is
valid for its country; the script refuses to write a sample with an invalid one.
"""

from __future__ import annotations

import json
import re
import textwrap
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import phonenumbers

OUT = Path(__file__).resolve().parent / "sample-collection.jsonl"


@dataclass(frozen=True)
class Person:
    """A press contact: name, office, phone as written, e-mail."""

    name: str
    office: str
    tel: str
    email: str
    role: str = "Media and Communications Officer"


@dataclass(frozen=True)
class Item:
    """One release (or one Press Briefing Notes item)."""

    date: str
    place: str
    title: str
    lead: str
    body: tuple[str, ...]
    quotes: tuple[tuple[str, str], ...] = ()  # (quote text, "said X, role" attribution)
    contacts: tuple[str, ...] = ()
    style: str = "modern"  # modern | lines | multi | old | tags
    extra: tuple[str, ...] = field(default=())


P = {
    "geneva": Person("Lena Marchetti", "IOM Geneva", "+41 22 717 9111", "lmarchetti@iom.int", "Spokesperson"),
    "geneva2": Person("Ousmane Diarra", "IOM Geneva", "+41 79 285 4366", "odiarra@iom.int", "Spokesperson"),
    "geneva3": Person("Hanna Lindqvist", "IOM Geneva", "+41 79 403 1172", "hlindqvist@iom.int", "Senior Media Officer"),
    "libya": Person("Karim Benali", "IOM Libya", "+218 91 002 4417", "kbenali@iom.int"),
    "bangladesh": Person("Farzana Haque", "IOM Cox's Bazar", "+880 1713 402 588", "fhaque@iom.int"),
    "yemen": Person("Nabil Saeed", "IOM Yemen", "+967 712 340 551", "nsaeed@iom.int"),
    "haiti": Person("Claudette Pierre-Louis", "IOM Haiti", "+509 3702 4418", "cpierrelouis@iom.int"),
    "colombia": Person("Andrés Quintero", "IOM Colombia", "+57 310 448 2190", "aquintero@iom.int"),
    "ukraine": Person("Oksana Hrytsenko", "IOM Ukraine", "+380 67 441 2830", "ohrytsenko@iom.int"),
    "poland": Person("Piotr Zielinski", "IOM Poland", "+48 22 538 9120", "pzielinski@iom.int"),
    "afghanistan": Person("Mariam Azizi", "IOM Afghanistan", "+93 790 441 236", "mazizi@iom.int"),
    "sudan": Person("Hisham Elamin", "IOM Sudan", "++ 249 (0)912 339 700", "helamin@iom.int"),
    "southsudan": Person("Grace Akech", "IOM South Sudan", "+211 920 114 562", "gakech@iom.int"),
    "ethiopia": Person("Selam Tadesse", "IOM Ethiopia", "+251 911 508 331", "stadesse@iom.int"),
    "nairobi": Person("Wanjiru Kamau", "IOM Regional Office in Nairobi", "+254 722 401 887", "wkamau@iom.int"),
    "niger": Person("Ibrahim Moussa", "IOM Niger", "+227 96 55 21 40", "imoussa@iom.int"),
    "nigeria": Person("Chinedu Okafor", "IOM Nigeria", "+234 803 441 9027", "cokafor@iom.int"),
    "cairo": Person("Yasmine Farouk", "IOM Cairo", "+202-27365140", "yfarouk@iom.int"),
    "turkiye": Person("Deniz Aksoy", "IOM Türkiye", "+90 312 455 1260", "daksoy@iom.int"),
    "iraq": Person("Rawand Jalal", "IOM Iraq", "+964 750 412 3356", "rjalal@iom.int"),
    "philippines": Person("Maricel Dizon", "IOM Philippines", "+63 917 802 4419", "mdizon@iom.int"),
    "mozambique": Person("Celso Mabunda", "IOM Mozambique", "+258 84 311 2087", "cmabunda@iom.int"),
    "guatemala": Person("Lucía Barrios", "IOM Guatemala", "+502 5518 3402", "lbarrios@iom.int"),
    "panama": Person("Rodrigo Espinosa", "IOM Regional Office in Panama", "+507 6411 2287", "respinosa@iom.int"),
    "bangkok": Person("Siriporn Chaiyasit", "IOM Regional Office in Bangkok", "+66 2 343 9370", "schaiyasit@iom.int"),
    "brussels": Person("Maarten De Smet", "IOM Brussels", "+32 2 287 7010", "mdesmet@iom.int"),
    "dakar": Person("Aïssatou Ndiaye", "IOM Regional Office in Dakar", "+221 77 640 2291", "andiaye@iom.int"),
    "mexico": Person("Valeria Orozco", "IOM Mexico", "+52 55 5536 4412", "vorozco@iom.int"),
    "washington": Person("Daniel Whitfield", "IOM Washington", "+1 202 862 1826", "dwhitfield@iom.int"),
    "somalia": Person("Abdirahman Warsame", "IOM Somalia", "+252 61 550 3388", "awarsame@iom.int"),
    "chad": Person("Mahamat Abakar", "IOM Chad", "+235 66 29 41 05", "mabakar@iom.int"),
    "peru": Person("Rosa Huamán", "IOM Peru", "+51 1 633 3000", "rhuaman@iom.int"),
    "indonesia": Person("Dewi Kusumawati", "IOM Indonesia", "+62 21 5795 1275", "dkusumawati@iom.int"),
    "tunisia": Person("Sami Trabelsi", "IOM Tunisia", "+216 71 860 312", "strabelsi@iom.int"),
    "rome": Person("Giulia Ferraro", "IOM Rome", "+39 06 4423 1428", "gferraro@iom.int"),
    "greece": Person("Eleni Papadaki", "IOM Greece", "+30 210 991 9040", "epapadaki@iom.int"),
    "moldova": Person("Ion Rusu", "IOM Moldova", "+373 22 23 29 40", "irusu@iom.int"),
    "lebanon": Person("Rania Haddad", "IOM Lebanon", "+961 3 512 880", "rhaddad@iom.int"),
    "pakistan": Person("Bilal Qureshi", "IOM Pakistan", "+92 51 835 2211", "bqureshi@iom.int"),
    "tokyo": Person("Kenji Morimoto", "IOM Tokyo", "+ 81 3 3595 0108", "kmorimoto@iom.int"),
    "dominican": Person("Yesenia Castillo", "IOM Dominican Republic", "+1 809 535 4411", "ycastillo@iom.int"),
    "ghana": Person("Kwame Asante", "IOM Ghana", "+233 30 274 2930", "kasante@iom.int"),
    "zimbabwe": Person("Tendai Moyo", "IOM Zimbabwe", "+263 242 704 285", "tmoyo@iom.int"),
}

ITEMS: list[Item] = [
    Item("2023-06-02", "Port Sudan", "IOM Scales Up Shelter and Water Assistance as Displacement Inside Sudan Passes Two Million",
         "has scaled up shelter, water and health assistance for families displaced by the fighting in Khartoum",
         ("Data from IOM's Displacement Tracking Matrix (DTM) show that more than two million people have fled their homes since mid-April, "
          "many of them towards White Nile, Gedaref and River Nile states, while others crossed into Egypt, Chad and South Sudan.",
          "IOM is working with UNHCR, UNICEF and the World Food Programme (WFP) to bring water trucks and emergency shelter kits to "
          "gathering sites, with funding from the European Civil Protection and Humanitarian Aid Operations (ECHO) and USAID."),
         (("Families are arriving with nothing but the clothes they wore when they ran. We need safe access to reach them, and we need it now.",
           "said Farid Osman, IOM Chief of Mission in Sudan"),),
         ("sudan", "geneva")),
    Item("2023-06-16", "Renk", "Returnees and Refugees Crowd Border Town as Arrivals From Sudan Continue",
         "and its partners are racing to decongest the transit centre in Renk, Upper Nile State, where thousands of South Sudanese returnees and Sudanese refugees wait for onward transport",
         ("IOM is organizing boat convoys along the Nile to Malakal together with UNHCR and the South Sudan Relief and Rehabilitation Commission.",
          "The World Health Organization (WHO) has reported cases of measles among new arrivals."),
         (("Most of the people here have not seen South Sudan in decades; some children have never been here at all.",
           "said Rose Lado, IOM South Sudan Operations Officer"),),
         ("southsudan",), "lines"),
    Item("2023-06-23", "Geneva", "Press Briefing Notes", "", (), (), (), "pbn",
         ("pbn-2023-06",)),
    Item("2023-07-07", "Tripoli", "Hundreds of Migrants Return Home From Libya on Voluntary Humanitarian Return Flights",
         "has helped 412 migrants stranded in Libya return home to Nigeria, Gambia and Mali this month through its Voluntary Humanitarian Return programme",
         ("The flights were organized with the Libyan authorities and the embassies concerned, and are funded by the EU Trust Fund for Africa.",
          "On arrival, returnees receive reintegration counselling from IOM Nigeria and IOM Mali."),
         (("Many of the people on these flights were detained for months. Going home safely is the first step; what happens after landing matters just as much.",
           "said Marta Ferreira, IOM's Chief of Mission in Libya"),),
         ("libya",)),
    Item("2023-07-19", "Cox's Bazar", "Monsoon Season Tests Rohingya Camps as Landslides Damage Shelters",
         "and its partners have repaired more than 1,800 shelters in Cox's Bazar after a week of heavy rains triggered landslides across the camps",
         ("Site management teams, supported by UNHCR, WFP and the Bangladesh Red Crescent Society, relocated families from the most exposed slopes.",
          "The response is funded by the Foreign, Commonwealth and Development Office (FCDO) and the Government of Japan."),
         (("Our volunteers were out in the rain before the water even stopped rising.",
           "IOM Bangladesh Site Management Coordinator Nusrat Jahan explained"),),
         ("bangladesh",), "tags"),
    Item("2023-07-28", "Aden", "Migrants on the Eastern Route Face Rising Dangers in Yemen, IOM Warns",
         "warned today that Ethiopian and Somali migrants crossing Yemen towards Saudi Arabia face abuse, detention and hunger",
         ("The Missing Migrants Project has recorded more deaths along the Eastern Route in the first half of this year than in all of last year.",
          "IOM Yemen provides food, medical care and onward assistance at its Migrant Response Point in Aden, with support from the Kingdom of the Netherlands and KSrelief."),
         (("No one should have to risk their life at sea and in the desert to find work.",
           "said Ahmed Al-Kaf, IOM Yemen Health Programme Coordinator"),),
         ("yemen",)),
    Item("2023-08-04", "Adré", "Sudanese Refugees Arrive in Eastern Chad in Their Thousands",
         "is supporting the Government of Chad to register and relocate Sudanese refugees and Chadian returnees arriving in Ouaddaï Province",
         ("IOM is working alongside UNHCR, UNICEF and Médecins Sans Frontières to provide water and health care at the border crossing.",
          "The Chadian Red Cross is distributing relief items in the host communities that share their water points with new arrivals."),
         (("Host communities in Adré have opened their doors, but the needs have outgrown what any village can give.",
           "said Zara Mahamat, IOM Chad Emergency Coordinator"),),
         ("chad", "geneva2"), "multi"),
    Item("2023-08-18", "Bogotá", "Regularization Opens Doors to Work and School for Venezuelans in Colombia",
         "and the Government of Colombia have helped more than 50,000 Venezuelans obtain their Temporary Protection Permit this year",
         ("Migración Colombia and IOM run mobile registration points in La Guajira and Norte de Santander, with funding from USAID and the U.S. Department of State's Bureau of Population, Refugees, and Migration (PRM).",
          "Venezuelans with a permit can open a bank account, enrol their children in school and access health care."),
         (("With a permit, I finally found a job as a nurse again,",
           "said María José, a Venezuelan who has lived in Cúcuta for five years"),
          ("Regularization is good for migrants and good for the country that receives them.",
           "said Camilo Restrepo, IOM Colombia Programme Manager")),
         ("colombia",)),
    Item("2023-09-01", "Kyiv", "IOM Delivers Winter Repairs to War-Damaged Homes in Ukraine",
         "has begun repairing roofs, windows and heating systems in war-damaged homes across Kharkiv, Mykolaiv and Kherson oblasts ahead of winter",
         ("The programme works with Ukraine's Ministry for Communities, Territories and Infrastructure Development and local authorities, "
          "and is funded by the Government of Germany, ECHO and the Government of Canada.",),
         (("Winter is a matter of survival for people living in damaged homes. Every window we replace is a room a family can heat.",
           "said Sophie Lindgren, IOM Chief of Mission in Ukraine"),),
         ("ukraine", "geneva3")),
    Item("2023-09-12", "Kabul", "IOM Supports Afghans Returning From Pakistan at Torkham Border",
         "is providing transport, cash and health screening to Afghans returning from Pakistan through the Torkham and Spin Boldak crossings",
         ("IOM, UNHCR and the World Food Programme have set up reception centres, with support from ECHO and the Government of Sweden.",
          "More than 30,000 Afghans crossed in the first ten days of September."),
         (("Many returnees have never lived in Afghanistan. They arrive with few belongings and no place to stay.",
           "said Hamid Noori, IOM Afghanistan Deputy Chief of Mission"),),
         ("afghanistan",), "lines"),
    Item("2023-09-22", "Tunis", "Search and Rescue Gaps Leave Migrants at Risk in the Central Mediterranean",
         "called today for more search and rescue capacity in the Central Mediterranean after another shipwreck off Sfax left dozens missing",
         ("Most of the passengers had departed from Tunisia; survivors said they came from Guinea, Côte d'Ivoire and Cameroon.",
          "IOM Tunisia and the Tunisian Red Crescent provided first aid and psychosocial support to the survivors."),
         (("Every one of these deaths was preventable.",
           "IOM spokesperson Lena Marchetti told journalists in Geneva"),),
         ("tunisia", "geneva")),
    Item("2023-10-06", "Herat", "Earthquakes in Western Afghanistan: IOM Delivers Emergency Shelter",
         "is delivering tents, blankets and hygiene kits to families in Herat Province after a series of earthquakes destroyed whole villages",
         ("IOM teams are working with UNICEF, WHO and the Afghan Red Crescent Society. The Central Emergency Response Fund (CERF) has released funds for shelter.",),
         (("Entire villages in Zindajan were flattened in seconds.",
           "said Hamid Noori, IOM Afghanistan Deputy Chief of Mission"),),
         ("afghanistan", "geneva2")),
    Item("2023-10-20", "Geneva", "Press Briefing Notes", "", (), (), (), "pbn", ("pbn-2023-10",)),
    Item("2023-11-03", "Islamabad", "IOM Appeals for Support as Thousands of Afghans Leave Pakistan Each Day",
         "has appealed for USD 30 million to assist Afghans leaving Pakistan, as departures through Torkham reached more than 20,000 a day",
         ("IOM is working with Pakistan's Ministry of States and Frontier Regions and UNHCR to support people at the border.",),
         (("We are seeing elderly people, pregnant women and small children spending nights in the open.",
           "said Bilal Qureshi, IOM Pakistan spokesperson"),),
         ("pakistan", "afghanistan"), "multi"),
    Item("2023-11-17", "Nairobi", "Floods Displace Hundreds of Thousands Across Somalia, Kenya and Ethiopia",
         "and humanitarian partners are responding to flooding that has displaced more than a million people across the East and Horn of Africa",
         ("In Somalia, Beledweyne has been almost entirely submerged. IOM is providing boats, shelter and clean water with OCHA, UNICEF and the Somali Red Crescent Society.",
          "The Kenya Red Cross Society has evacuated families in Garissa and Tana River counties."),
         (("These floods come after five failed rainy seasons. People lost their livestock to drought and now their homes to water.",
           "said Abdi Hersi, IOM Regional Director for the East and Horn of Africa"),),
         ("nairobi", "somalia")),
    Item("2023-11-29", "Panama City", "Record Number of Migrants Cross the Darien Gap in 2023",
         "said today that more than half a million people have crossed the Darien jungle between Colombia and Panama this year, the highest number ever recorded",
         ("Most are Venezuelans, followed by Ecuadorians, Haitians and Chinese nationals. IOM and UNICEF provide water, food and medical care at reception stations run by Panama's National Migration Service.",),
         (("The jungle does not distinguish between adults and children; it is dangerous for everyone.",
           "said Rodrigo Espinosa, IOM Regional Spokesperson for Latin America and the Caribbean"),),
         ("panama",)),
    Item("2023-12-08", "Geneva", "IOM Launches Global Appeal for 2024",
         "launched its 2024 Global Appeal today, seeking USD 7.9 billion to assist 52 million people in 2024",
         ("The appeal covers emergency responses in Sudan, Ukraine, Afghanistan, Haiti and the Occupied Palestinian Territory, and longer-term programmes in more than 100 countries.",),
         (("Migration is the oldest poverty-reduction strategy we know. Our appeal invests in people's safety and in the communities that welcome them.",
           "said Carmen Vidal, IOM Deputy Director General for Operations"),),
         ("geneva", "geneva3"), "multi"),
    Item("2003-05-23", "Dhaka", "BANGLADESH - MIGRANT WORKERS TRAINED ON SAFE RECRUITMENT",
         "launched yesterday (22/05) a training course for Bangladeshi workers bound for the Gulf",
         ("The course was organized with the Ministry of Expatriates' Welfare and Overseas Employment and the Bureau of Manpower, Employment and Training (BMET).",
          "Trainees learn about contracts, recruitment fees and where to seek help if they are exploited abroad."),
         (("Workers who know their rights are much harder to cheat.",
           "said Rafiqul Islam, IOM Dhaka Programme Officer"),),
         ("bangladesh",), "old"),
    Item("2023-12-15", "Maputo", "IOM Helps Families Displaced by Conflict in Cabo Delgado Return Home",
         "is supporting families returning to Mocímboa da Praia and Palma in Cabo Delgado Province, northern Mozambique, with shelter kits and livelihood support",
         ("The programme works with Mozambique's National Institute for Disaster Risk Management (INGD) and the World Food Programme, and is funded by USAID and the Government of Norway.",),
         (("People want to go home, but home needs water, schools and a clinic before it can be home again.",
           "said Celso Mabunda, IOM Mozambique National Programme Officer"),),
         (), "tags"),
    Item("2004-02-10", "Accra", "GHANA - NURSES RETURN TO SHARE SKILLS",
         "has helped twelve Ghanaian nurses working in the United Kingdom return home for six months to train colleagues in Kumasi and Tamale",
         ("The project, funded by the Government of the Netherlands, is part of IOM's Migration for Development in Africa (MIDA) programme.",),
         (("Our diaspora has knowledge that our hospitals need.",
           "said Kofi Mensah, Deputy Minister of Health"),),
         ("ghana",), "old"),
    Item("2024-01-12", "Port-au-Prince", "Displacement in Haiti Doubles as Gang Violence Spreads",
         "said today that the number of people displaced by violence in Haiti has doubled in a year, to more than 310,000",
         ("Half of the displaced live in makeshift sites in schools and churches in the capital. IOM provides water, sanitation and health care with UNICEF and the Haitian Red Cross.",
          "The Dominican Republic has continued deportations of Haitians, according to IOM monitoring at border crossings."),
         (("Families have moved three, four, five times, each time losing what little they had left.",
           "said Philippe Brenner, IOM Chief of Mission in Haiti"),),
         ("haiti", "dominican")),
    Item("2024-01-26", "Geneva", "Press Briefing Notes", "", (), (), (), "pbn", ("pbn-2024-01",)),
    Item("2024-02-09", "Chisinau", "Refugees From Ukraine in Moldova Find Jobs Through New Programme",
         "and the National Employment Agency of Moldova have helped more than 3,000 refugees from Ukraine find work",
         ("The project, funded by the Government of Japan and the European Union, offers language classes, job matching and childcare.",),
         (("Work gives people back their dignity and their routine.",
           "said Ion Rusu, IOM Moldova Programme Coordinator"),),
         (), "lines"),
    Item("2024-02-20", "Warsaw", "IOM Poland Opens Migrant Information Centre in Lublin",
         "has opened a Migrant Information Centre in Lublin with the city authorities, offering legal counselling in Ukrainian, Russian, Polish and English",
         ("The centre is supported by the Polish Ministry of Family and Social Policy and the Polish Red Cross.",),
         (("Most questions we receive are about school enrolment and residence permits.",
           "said Agnieszka Nowak, IOM Poland Head of Office"),),
         ("poland",)),
    Item("2024-03-01", "Port-au-Prince", "IOM Warns of Humanitarian Catastrophe as Violence Engulfs Haitian Capital",
         "warned today that violence in Port-au-Prince has forced more than 15,000 people from their homes in a single week",
         ("Hospitals have closed and the airport has suspended flights. IOM teams continue to truck water to displacement sites with support from ECHO and USAID.",),
         (("The situation in Port-au-Prince is the worst we have seen.",
           "said Philippe Brenner, IOM Chief of Mission in Haiti"),
          ("We need humanitarian corridors to reach people who are trapped.",
           "IOM Director of Operations and Emergencies Tomas Berg added")),
         ("haiti", "geneva2"), "multi"),
    Item("2024-03-12", "Port-au-Prince", "Thousands Flee Port-au-Prince for the Provinces",
         "reports that more than 33,000 people have left Port-au-Prince for the southern departments in less than two weeks",
         ("Most travelled by bus to the Grand'Anse and Sud departments. IOM and the World Food Programme support host families with cash.",),
         (("Host communities in the south are poor themselves and cannot carry this alone.",
           "said Claudette Pierre-Louis, IOM Haiti Communications Officer"),),
         ("haiti",), "tags"),
    Item("2024-03-22", "Geneva", "Press Briefing Notes", "", (), (), (), "pbn", ("pbn-2024-03",)),
    Item("2024-04-05", "Baghdad", "Iraq: IOM Supports Return of Families From Al-Hol Camp",
         "is supporting Iraqi families returning from Al-Hol camp in north-east Syria with reintegration assistance, psychosocial support and civil documentation",
         ("The programme is implemented with Iraq's Ministry of Migration and Displaced and funded by the Government of Germany and the U.S. Department of State.",),
         (("Returning families need documents before they can enrol their children in school or find work.",
           "said Rawand Jalal, IOM Iraq Programme Officer"),),
         ()),
    Item("2024-04-16", "Beirut", "IOM Lebanon Assists Migrant Workers Displaced by Hostilities in the South",
         "is providing shelter, food and return assistance to migrant domestic workers displaced from southern Lebanon",
         ("Most of the workers come from Ethiopia, Sri Lanka, Sierra Leone and Sudan. IOM works with Caritas Lebanon and the Lebanese Red Cross.",),
         (("Migrant workers are often the last to be evacuated and the first to be forgotten.",
           "said Rania Haddad, IOM Lebanon Communications Officer"),),
         ("lebanon",)),
    Item("2024-04-30", "Manila", "Filipino Seafarers Trained to Spot Trafficking on Fishing Vessels",
         "and the Philippines' Department of Migrant Workers trained 250 Filipino seafarers to recognize and report forced labour at sea",
         ("The training is funded by the Government of Canada and delivered with the International Labour Organization (ILO).",),
         (("Filipinos work on ships all over the world. They need to know where to turn when things go wrong.",
           "said Maricel Dizon, IOM Philippines Project Manager"),),
         ("philippines",), "lines"),
    Item("2024-05-10", "Addis Ababa", "IOM and Ethiopia Launch Reintegration Programme for Returnees From Saudi Arabia",
         "and the Government of Ethiopia have launched a programme to help Ethiopian returnees from Saudi Arabia restart their lives",
         ("Ethiopia's Ministry of Labour and Skills and the Ethiopian Red Cross Society will provide counselling and vocational training, with funding from the EU Trust Fund for Africa.",),
         (("Returnees arrive exhausted and often in debt. We help them start a business or find a job close to home.",
           "said Selam Tadesse, IOM Ethiopia National Programme Officer"),),
         ("ethiopia", "nairobi")),
    Item("2024-05-21", "Geneva", "Press Briefing Notes", "", (), (), (), "pbn", ("pbn-2024-05",)),
    Item("2024-06-04", "Guatemala City", "Returned Guatemalans Find Jobs Through New Employment Centre",
         "and the Guatemalan Ministry of Labour have opened an employment centre for Guatemalans returned from Mexico and the United States",
         ("The centre is supported by USAID and the Government of Spain, and works with the Guatemalan Migration Institute.",),
         (("Coming back should not mean starting from zero.",
           "said Lucía Barrios, IOM Guatemala Programme Officer"),),
         ("guatemala",)),
    Item("2024-06-14", "Mexico City", "Migrants Stranded in Southern Mexico Receive Health Care",
         "is providing health care to migrants stranded in Tapachula, in the Mexican state of Chiapas",
         ("Most are from Venezuela, Honduras, Haiti and Cuba. IOM works with UNHCR, UNICEF and Mexico's Ministry of Health.",),
         (("People arrive with infected wounds from the jungle and with children who have not eaten properly for weeks.",
           "said Valeria Orozco, IOM Mexico Health Officer"),),
         ("mexico", "panama"), "multi"),
    Item("2024-06-28", "Jakarta", "Indonesia and IOM Train Border Officials on Counter-Trafficking",
         "and Indonesia's National Police have trained 120 immigration and police officers to identify victims of trafficking at airports and seaports",
         ("The training is part of the Bali Process and is funded by the Government of Australia.",),
         (("Officers at the border are often the first to meet a victim.",
           "said Dewi Kusumawati, IOM Indonesia Counter-Trafficking Coordinator"),),
         (), "tags"),
    Item("2024-07-09", "Bangkok", "Migrants From Myanmar in Thailand Face Growing Needs",
         "said today that tens of thousands of people from Myanmar have arrived in Thailand since the conflict intensified, many without documents",
         ("IOM works with Thailand's Ministry of Labour and the Thai Red Cross Society to provide health care in Tak Province.",),
         (("Migrants from Myanmar keep Thailand's factories and farms running; they deserve health care and protection.",
           "said Siriporn Chaiyasit, IOM Regional Media Officer for Asia and the Pacific"),),
         ("bangkok",)),
    Item("2024-07-19", "Geneva", "Press Briefing Notes", "", (), (), (), "pbn", ("pbn-2024-07",)),
    Item("2024-07-26", "Port Sudan", "Famine Conditions Spread as Displacement in Sudan Reaches Ten Million",
         "warned today that more than ten million people are now displaced inside Sudan, the largest displacement crisis in the world",
         ("IOM, WFP, UNICEF and UNHCR have called for unhindered humanitarian access to Darfur and Kordofan.",
          "IOM's Displacement Tracking Matrix recorded new displacement from Sennar State in July."),
         (("The world cannot look away from Sudan.",
           "said Farid Osman, IOM Chief of Mission in Sudan"),),
         ("sudan", "geneva3"), "multi"),
    Item("2024-08-06", "Dakar", "West African Ministers Meet on Labour Mobility",
         "brought together ministers from ECOWAS Member States in Dakar to discuss safe labour migration within West Africa",
         ("The meeting was organized with the ECOWAS Commission and the African Union, with support from the European Union.",
          "Senegal, Côte d'Ivoire, Ghana and Nigeria presented national labour migration policies."),
         (("Most West African migrants move within West Africa, not to Europe.",
           "said Aïssatou Ndiaye, IOM Regional Communications Officer for West and Central Africa"),),
         ("dakar",), "lines"),
    Item("2024-08-20", "Niamey", "IOM Niger Assists Migrants Expelled to the Desert",
         "has assisted more than 4,000 migrants expelled from Algeria to the desert near Assamaka since the start of the year",
         ("Most of the migrants are from Niger, Mali, Guinea and Burkina Faso. IOM provides water, food and medical care at its transit centre in Agadez, with funding from Italy and the European Union.",),
         (("Some walked fifteen kilometres in the heat before reaching Assamaka.",
           "said Ibrahim Moussa, IOM Niger Operations Officer"),),
         ("niger", "dakar")),
    Item("2024-08-30", "Geneva", "Press Briefing Notes", "", (), (), (), "pbn", ("pbn-2024-08",)),
    Item("2024-09-10", "Maiduguri", "Floods in North-East Nigeria Displace Hundreds of Thousands",
         "is responding to floods in Maiduguri, Borno State, after a dam collapsed and submerged much of the city",
         ("IOM works with Nigeria's National Emergency Management Agency (NEMA), UNICEF and the Nigerian Red Cross Society to provide shelter in camps for displaced people.",),
         (("Camps that already hosted people displaced by conflict are now under water.",
           "said Chinedu Okafor, IOM Nigeria Communications Officer"),),
         ("nigeria",), "tags"),
    Item("2024-09-20", "Athens", "IOM Greece Supports Unaccompanied Migrant Children",
         "and Greece's Ministry of Migration and Asylum have placed 300 Unaccompanied Migrant Children in supported independent living apartments",
         ("The programme is funded by the European Union and works with UNICEF and the Hellenic Red Cross.",),
         (("Children who have crossed borders alone need stability more than anything.",
           "said Eleni Papadaki, IOM Greece Child Protection Officer"),),
         ()),
    Item("2024-10-01", "Beirut", "Thousands Cross From Lebanon Into Syria as Hostilities Escalate",
         "said today that more than 100,000 people have crossed from Lebanon into Syria in a week, including Syrians and Lebanese citizens",
         ("IOM, UNHCR and the Syrian Arab Red Crescent are providing water and transport at the Jdeidet Yabous crossing.",),
         (("People are crossing on foot with small children and elderly parents.",
           "said Mathieu Laurent, IOM Chief of Mission in Lebanon"),),
         ("lebanon", "geneva"), "multi"),
    Item("2024-10-11", "Geneva", "Press Briefing Notes", "", (), (), (), "pbn", ("pbn-2024-10",)),
    Item("2024-10-22", "Rome", "Italy and IOM Open Information Points for Migrant Workers in Agriculture",
         "and Italy's Ministry of Labour and Social Policies have opened information points for migrant agricultural workers in Apulia and Sicily",
         ("The points offer legal advice in Arabic, English, French and Punjabi, and work with the Italian Red Cross.",),
         (("Information is the best protection against exploitation.",
           "said Giulia Ferraro, IOM Italy Project Manager"),),
         (), "lines"),
    Item("2024-11-05", "Harare", "Zimbabwe Launches National Labour Migration Policy With IOM Support",
         "supported the Government of Zimbabwe in launching its first National Labour Migration Policy",
         ("The policy was developed with the Ministry of Public Service, Labour and Social Welfare and the International Labour Organization, with funding from the European Union.",),
         (("Zimbabweans abroad send home more than they are given credit for.",
           "said Tendai Moyo, IOM Zimbabwe National Programme Officer"),),
         ("zimbabwe",)),
    Item("2024-11-15", "Tokyo", "Japan Funds IOM Assistance for Displaced People in Sudan and Chad",
         "welcomed a contribution of USD 8 million from the Government of Japan to assist people displaced by the conflict in Sudan and refugees in Chad",
         ("The funding will support shelter and health care in Darfur and in eastern Chad, where IOM works with UNHCR and the Chadian authorities.",),
         (("Japan has stood by the people of Sudan throughout this crisis.",
           "said Kenji Morimoto, IOM Tokyo Head of Office"),),
         ("tokyo",), "multi"),
    Item("2024-11-26", "Cox's Bazar", "New Arrivals of Rohingya Refugees Reported in Cox's Bazar",
         "said today that thousands of Rohingya have arrived in Cox's Bazar from Myanmar's Rakhine State in recent months",
         ("IOM, UNHCR and the Government of Bangladesh's Refugee Relief and Repatriation Commissioner (RRRC) are assessing needs in the camps.",),
         (("People are telling us about villages burned and family members lost.",
           "said Farzana Haque, IOM Bangladesh Communications Officer"),),
         ("bangladesh",)),
    Item("2005-03-18", "Bangkok", "THAILAND - ASSISTANCE TO TSUNAMI-AFFECTED MIGRANT WORKERS",
         "has extended assistance to migrant workers from Myanmar affected by the tsunami in Phang Nga Province",
         ("The assistance, funded by the Government of Japan, includes health care, documentation and shelter repairs, and is carried out with the Thai Ministry of Labour.",),
         (("Many migrant workers were afraid to seek help because they lacked documents.",
           "said Somchai Wongsa, IOM Bangkok Project Coordinator"),),
         ("bangkok",), "old"),
    Item("2006-11-07", "Cairo", "EGYPT - SUDANESE MIGRANTS RECEIVE VOCATIONAL TRAINING",
         "has begun a vocational training programme for Sudanese migrants in Cairo, funded by the Government of Italy",
         ("The training, carried out with the Egyptian Ministry of Manpower and Caritas Egypt, covers tailoring, carpentry and computer skills.",),
         (("A skill is something that travels with you.",
           "said Hoda Mansour, IOM Cairo Project Officer"),),
         ("cairo",), "old"),
    Item("2008-06-24", "Santo Domingo", "DOMINICAN REPUBLIC - HAITIAN MIGRANTS REGISTERED FOR HEALTH CARE",
         "and the Dominican Ministry of Health have registered 2,500 Haitian migrants working on sugar plantations for primary health care",
         ("The project is funded by the Government of Canada and carried out with the Dominican Red Cross.",),
         (("Health care for migrants protects everyone in the community.",
           "said Yesenia Castillo, IOM Santo Domingo Programme Officer"),),
         ("dominican",), "old"),
    Item("2024-02-02", "Lima", "Venezuelans in Peru Open Small Businesses With IOM Support",
         "and Peru's Ministry of Production have helped 600 Venezuelan and Peruvian entrepreneurs start small businesses in Lima and Arequipa",
         ("The programme is funded by PRM and the Government of Canada.",),
         (("My bakery now employs two Peruvians and one Venezuelan,",
           "said Yolimar, who arrived from Caracas six years ago"),),
         ()),
    Item("2023-12-22", "Mogadishu", "Somalia: Drought-Displaced Families Receive Cash Assistance",
         "is providing cash assistance to families displaced by drought in Baidoa and Dollow, south-central Somalia",
         ("The programme is funded by ECHO and the Government of the United Kingdom, and coordinated with the Somali Disaster Management Agency (SoDMA).",),
         (("Cash lets families decide what they need most.",
           "said Abdirahman Warsame, IOM Somalia Programme Officer"),),
         ("somalia",), "lines"),
    Item("2024-05-31", "Juba", "IOM Opens Health Post at Joda Border Crossing",
         "has opened a health post at the Joda border crossing between Sudan and South Sudan, where hundreds of people arrive each day",
         ("The post is run with South Sudan's Ministry of Health and WHO, with funding from CERF.",),
         (("Cholera and measles travel with people; screening at the border saves lives.",
           "said Grace Akech, IOM South Sudan Communications Officer"),),
         ("southsudan",), "tags"),
    Item("2023-08-29", "Goma", "Displacement Sites Around Goma Overflow as Fighting Continues in North Kivu",
         "said today that the population of displacement sites around Goma, in the east of the Democratic Republic of the Congo, has doubled since January",
         ("IOM manages sites with the Congolese Red Cross, UNHCR and the Norwegian Refugee Council, with funding from ECHO and the Government of Belgium.",
          "Congolese families fleeing Rutshuru and Masisi territories arrive daily; some have crossed into Uganda and Rwanda."),
         (("Sites built for a few thousand people now shelter tens of thousands.",
           "said Jean-Paul Mukendi, IOM DRC Emergency Coordinator"),),
         ("geneva2",), "lines"),
    Item("2023-10-13", "Quito", "Ecuador Hosts Growing Numbers of Venezuelans and Colombians",
         "and UNHCR have presented a new regional plan for refugees and migrants from Venezuela, with Ecuador, Peru and Chile among the main host countries",
         ("The plan brings together 248 organizations, including the Ecuadorian Red Cross and the Ministry of Foreign Affairs and Human Mobility of Ecuador.",),
         (("Integration is the durable answer for most Venezuelans in the region,",
           "said Rodrigo Espinosa, IOM Regional Spokesperson for Latin America and the Caribbean"),),
         ("panama", "peru"), "multi"),
    Item("2024-01-19", "Djibouti", "Migrants Stranded in Obock Receive Emergency Assistance",
         "is assisting Ethiopian migrants stranded in Obock, Djibouti, after boats to Yemen stopped leaving",
         ("The Migrant Response Centre in Obock offers food, shelter and medical care, funded by the EU Trust Fund for Africa and the Government of Germany.",),
         (("Young men arrive here after walking for weeks, with blistered feet and nothing to eat,",
           "said the head of the Migrant Response Centre"),),
         ("nairobi",)),
    Item("2024-04-24", "Lilongwe", "Malawi: IOM Supports Families Displaced by Cyclone Freddy to Rebuild",
         "is supporting families displaced by Cyclone Freddy in southern Malawi to build safer houses",
         ("The programme works with Malawi's Department of Disaster Management Affairs and the Malawi Red Cross Society, with funding from the Government of Ireland.",),
         (("Families are rebuilding higher and stronger, away from the riverbanks.",
           "IOM Malawi Shelter Officer Chikondi Banda explained"),),
         ("zimbabwe", "nairobi"), "tags"),
    Item("2024-09-03", "Suva", "Pacific Leaders Discuss Climate Mobility With IOM",
         "joined Pacific leaders in Suva, Fiji, to discuss how communities in Tuvalu, Kiribati and Vanuatu can plan relocation in the face of rising seas",
         ("The meeting was hosted by the Pacific Islands Forum Secretariat with support from the Government of New Zealand and the Government of Australia.",),
         (("Relocation must be the choice of communities, made with dignity and on their own terms.",
           "said Sione Taufa, IOM Fiji Head of Office"),),
         ("bangkok",)),
]

PBN: dict[str, list[Item]] = {
    "pbn-2023-06": [
        Item("2023-06-23", "Geneva", "Migrant Deaths in the Sahara Continue to Go Unrecorded",
             "said today that deaths of migrants crossing the Sahara are far more numerous than recorded",
             ("The Missing Migrants Project documented deaths in Niger, Libya and Algeria, but many bodies are never found.",),
             (("For every death we record in the desert, we believe several more go unreported.",
               "said Hanna Lindqvist, IOM Senior Media Officer"),), ("geneva3",)),
        Item("2023-06-23", "Cairo", "Sudanese Arrivals in Egypt Pass 250,000",
             "and the Egyptian Red Crescent are assisting people arriving at the Argeen and Qustul crossings from Sudan",
             ("Most of the new arrivals are Sudanese women and children; Egyptians who lived in Sudan are also returning.",),
             (("The crossing points were built for trade, not for thousands of families a day.",
               "said Yasmine Farouk, IOM Egypt Communications Officer"),), ("cairo",)),
    ],
    "pbn-2023-10": [
        Item("2023-10-20", "Ankara", "IOM Türkiye Continues Earthquake Recovery Work",
             "continues to support families in Hatay and Kahramanmaraş eight months after the earthquakes, with container homes and cash for rent",
             ("The work is coordinated with Türkiye's Disaster and Emergency Management Authority (AFAD) and funded by ECHO.",),
             (("Recovery takes years, not months.",
               "said Deniz Aksoy, IOM Türkiye Communications Officer"),), ("turkiye",)),
        Item("2023-10-20", "Tripoli", "Derna Floods: IOM Tracks Displacement One Month On",
             "reports that more than 40,000 people remain displaced in north-eastern Libya one month after floods destroyed much of Derna",
             ("IOM, WHO and the Libyan Red Crescent provide health care and relief items.",),
             (("Families are still searching for missing relatives.",
               "said Karim Benali, IOM Libya Media Officer"),), ("libya",)),
    ],
    "pbn-2024-01": [
        Item("2024-01-26", "Geneva", "Mediterranean Deaths in 2023 Highest Since 2017",
             "said today that at least 3,100 migrants died or went missing in the Mediterranean in 2023",
             ("Most deaths occurred on the Central Mediterranean route from Libya and Tunisia to Italy.",),
             (("These numbers are people, not statistics.",
               "IOM spokesperson Ousmane Diarra told journalists"),), ("geneva2",)),
        Item("2024-01-26", "Brussels", "EU and IOM Extend Migrant Protection Programme in North Africa",
             "and the European Union have extended their joint programme on migrant protection and reintegration in North Africa",
             ("The programme covers Libya, Tunisia, Egypt and Morocco.",),
             (), ("brussels",)),
    ],
    "pbn-2024-03": [
        Item("2024-03-22", "Geneva", "Ukraine: Two Years On, Millions Remain Displaced",
             "said that 3.7 million people remain internally displaced in Ukraine, and that returns to frontline areas remain limited",
             ("IOM's Displacement Tracking Matrix surveyed 20,000 households across Ukraine.",),
             (("People want to go home, but home is often still under shelling.",
               "said Sophie Lindgren, IOM Chief of Mission in Ukraine"),), ("ukraine", "geneva")),
        Item("2024-03-22", "Sana'a", "Cholera Cases Rise in Yemen as Rainy Season Approaches",
             "and WHO are stepping up cholera prevention in Yemen, where suspected cases have risen sharply in Hodeidah and Taiz",
             ("IOM mobile teams reach displacement sites with oral rehydration and clean water.",),
             (), ("yemen",)),
    ],
    "pbn-2024-05": [
        Item("2024-05-21", "Geneva", "Record 75.9 Million Internally Displaced People Worldwide",
             "welcomed a new report showing that internal displacement reached a record high in 2023, driven by conflicts in Sudan, the Democratic Republic of the Congo and the Occupied Palestinian Territory",
             ("The report was published by the Internal Displacement Monitoring Centre (IDMC).",),
             (("Behind each number is a family that lost a home.",
               "said Hanna Lindqvist, IOM Senior Media Officer"),), ("geneva3",)),
        Item("2024-05-21", "Kinshasa", "IOM Scales Up Camp Management in North Kivu",
             "is scaling up camp coordination around Goma in the Democratic Republic of the Congo, where more than 600,000 people live in displacement sites",
             ("IOM works with UNHCR, UNICEF and the Congolese Red Cross.",),
             (("The sites around Goma are overcrowded and under constant threat.",
               "said Jean-Paul Mukendi, IOM DRC Emergency Coordinator"),), ("geneva2",)),
    ],
    "pbn-2024-07": [
        Item("2024-07-19", "Geneva", "Migrants Dying on the Atlantic Route to the Canary Islands",
             "expressed concern over rising deaths on the Atlantic route from Senegal, Mauritania and the Gambia to Spain's Canary Islands",
             ("The Missing Migrants Project recorded more than 1,000 deaths on the route in the first half of the year.",),
             (("Boats are leaving from further south and staying longer at sea.",
               "IOM spokesperson Lena Marchetti told journalists"),), ("geneva", "dakar")),
        Item("2024-07-19", "Washington", "IOM Welcomes New U.S. Funding for Safe Mobility Offices",
             "welcomed new funding from the United States to expand Safe Mobility Offices in Colombia, Costa Rica, Ecuador and Guatemala",
             ("The offices help refugees and migrants apply for lawful pathways to the United States, Canada and Spain.",),
             (), ("washington",)),
    ],
    "pbn-2024-08": [
        Item("2024-08-30", "Geneva", "Mpox: IOM Supports Border Health Screening in Central Africa",
             "is supporting health screening at border crossings between the Democratic Republic of the Congo, Burundi, Rwanda and Uganda following the mpox outbreak",
             ("IOM works with WHO, the Africa Centres for Disease Control and Prevention and national ministries of health.",),
             (("Border communities move every day; screening must not stop trade or family visits.",
               "said Patrick Nzeyimana, IOM Regional Migration Health Officer"),), ("geneva2", "nairobi")),
        Item("2024-08-30", "Cox's Bazar", "Rohingya Boat Arrivals in Indonesia Rise",
             "said that more Rohingya refugees are leaving the camps in Bangladesh by boat for Indonesia and Malaysia",
             ("IOM Indonesia and UNHCR assist new arrivals in Aceh.",),
             (), ("bangladesh", "indonesia")),
    ],
    "pbn-2024-10": [
        Item("2024-10-11", "Geneva", "Hurricane Season Displaces Thousands in Cuba and the Caribbean",
             "is supporting governments in the Caribbean after hurricanes displaced thousands of people in Cuba, Jamaica and Grenada",
             ("IOM works with the Caribbean Disaster Emergency Management Agency (CDEMA) on shelter management.",),
             (("Small island states face bigger storms every year.",
               "said Hanna Lindqvist, IOM Senior Media Officer"),), ("geneva3",)),
        Item("2024-10-11", "Kyiv", "IOM Prepares Winter Assistance for Frontline Communities in Ukraine",
             "is preparing winter assistance, including solid fuel and cash, for 200,000 people in frontline communities in Ukraine",
             ("The assistance is funded by ECHO, the Government of Germany and USAID.",),
             (("Winter will be the hardest since the full-scale invasion began.",
               "said Oksana Hrytsenko, IOM Ukraine Communications Officer"),), ("ukraine",)),
    ],
}

META = ("Language English Posted: {weekday}, {month} {day}, {year} - 11:{minute:02d}Image: Region-Country: {region}{country}"
        "Themes: Emergency ResponseDefault: Press Release Type: Global Categories: PBN")


def paragraph_quote(text: str, attribution: str, *, straight: bool = False) -> str:
    """A quoted sentence with its attribution, either after the quote or split around it."""
    left, right = ('"', '"') if straight else ("\u201c", "\u201d")
    if attribution[0].isupper() and not attribution.startswith(("said", "Said")):
        return f"{left}{text}{right} {attribution}."
    body = text.rstrip(",.")
    return f"{left}{body},{right} {attribution}."


def contact_block(keys: tuple[str, ...], style: str) -> str:
    """The 'For more information' block in one of the shapes IOM uses."""
    people = [P[key] for key in keys]
    if style in ("modern", "tags", "pbn"):
        first = people[0]
        line = f"For more information, please contact {first.name} at {first.office}, Tel: {first.tel}, Email: {first.email}"
        if len(people) > 1:
            other = people[1]
            line += f", or {other.name} at {other.office}, Tel: {other.tel}, Email: {other.email}"
        return line
    if style == "lines":
        lines = ["For more information, please contact:"]
        for person in people:
            lines += [person.name, person.office, f"Tel: {person.tel}", f"Email: {person.email}", ""]
        return "\n".join(lines).rstrip()
    if style == "multi":
        lines = ["For more information, please contact:"]
        lines += [f"{person.name}, {person.role}, {person.tel}, {person.email}" for person in people]
        return "\n".join(lines)
    lines = ["For further information, please contact:"]  # old
    for person in people:
        lines += [f"{person.name}", f"{person.office}", f"Tel: {person.tel if person.tel.startswith('++') else person.tel.replace('+', '++ ', 1)}", f'E-mail: "mailto:{person.email}">{person.email}']
    return "\n".join(lines)


def lead_sentence(item: Item, *, old: bool = False) -> str:
    """Dateline, IOM in apposition and the lead; old releases spell out the organisation's name."""
    subject = "IOM" if old else ("IOM, the UN Migration Agency," if len(item.title) % 2 == 0 else "The International Organization for Migration (IOM)")
    if old:
        subject = "The International Organization for Migration (IOM)"
    dash = "-" if old else "\u2013"
    return f"{item.place} {dash} {subject} {item.lead}."


def render_item(item: Item, style: str) -> str:
    """The text of one release (or one PBN item) without the page furniture."""
    old = style == "old"
    parts = [item.title, lead_sentence(item, old=old), *item.body]
    for text, attribution in item.quotes:
        parts.append(paragraph_quote(text, attribution, straight=old))
    if item.contacts:
        parts.append(contact_block(item.contacts, style))
    if old:
        return "\n\n".join(part if part is item.title or part.startswith("For further") else textwrap.fill(part, width=66) for part in parts)
    return "\n\n".join(parts)


def render(item: Item) -> str:
    """The whole page: a release, or a Press Briefing Notes page of several items."""
    if item.style == "pbn":
        items = PBN[item.extra[0]]
        pages = [render_item(part, "pbn") for part in items]
        when = _date_words(item.date)
        meta = META.format(region="Europe", country="Switzerland", minute=len(items) * 7, **when)
        return "Press Briefing Notes\n\n" + "\n\n".join(pages) + "\n\n" + meta + "\n"
    text = render_item(item, item.style)
    if item.style == "tags":
        text += "\n\nShare this\n\nSDG 10 - Reduced Inequalities\nSDG 13 - Climate Action"
    return text + "\n"


def _date_words(iso: str) -> dict[str, str]:
    import datetime as dt

    day = dt.date.fromisoformat(iso)
    return {"weekday": day.strftime("%A"), "month": day.strftime("%B"), "day": str(day.day), "year": str(day.year)}


def slug(text: str) -> str:
    """A file-name-safe id part: accents folded ("Bogotá" -> "bogota"), other signs become dashes."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")


def check_phones() -> None:
    """Every invented number must be valid for its country, or the sample would teach the wrong thing."""
    for key, person in P.items():
        digits = "+" + re.sub(r"\D", "", person.tel.split("(0)")[0]) + re.sub(r"\D", "", "".join(person.tel.split("(0)")[1:]))
        number = phonenumbers.parse(digits)
        if not phonenumbers.is_valid_number(number):
            raise SystemExit(f"invented number for {key!r} is not valid: {person.tel}; pick another")


def main() -> None:
    check_phones()
    records = []
    for item in sorted(ITEMS, key=lambda it: it.date):
        place = slug(item.place) if item.style != "pbn" else "press-briefing-notes"
        records.append({"id": f"sample/{item.date}-{place}", "date": item.date, "text": render(item)})
    with OUT.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    total = sum(len(PBN[item.extra[0]]) if item.style == "pbn" else 1 for item in ITEMS)
    print(f"wrote {len(records)} pages ({total} releases and PBN items) to {OUT}")


if __name__ == "__main__":
    main()
