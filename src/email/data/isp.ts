/**
 * Mailbox domains that internet service providers (cable, DSL, fibre and mobile operators) give their
 * residential customers: an address there belongs to a person, so the categorizer counts these domains as
 * `personal`, like free webmail. Hand-kept; CC0.
 *
 * Coverage: 303 domains of 168 providers in 48 countries, the large access providers of the 30 largest
 * internet markets (by internet users and GDP) and more, with the legacy domains of merged or renamed brands
 * that still carry mailboxes (`home.nl`, `chello.nl` and `casema.nl` became Ziggo; `wanadoo.fr` is Orange;
 * `sbcglobal.net`, `bellsouth.net` and friends are AT&T).
 *
 * Sources: public information on each provider's customer mail service (the providers' mail-settings help
 * pages name the mailbox domains; the providers' Wikipedia articles and Wikipedia's "List of internet service
 * providers in <country>" give the brands and mergers), compiled by hand.
 * Checked on 2026-11-27 against HubSpot's list of free and ISP email domains (as packaged by npm
 * `free-email-domains` 1.12.6, MIT) and npm `email-providers` 2.26.0: 202 of the 303 domains are in one of
 * them; the others are regional brands both miss (`kpnplanet.nl`, `telia.com`, `vodafonemail.de`,
 * `movistar.es`, `bezeqint.net`, `hinet.net`...).
 *
 * Domains that are mainly the operator's own corporate domain are left out on purpose (`telstra.com`,
 * `vodafone.com`, `sify.com`): employees' addresses there are corporate. Domains that `email-providers` also
 * holds are harmless duplicates.
 */

/** The mailbox domains of one provider in one country (ISO 3166-1 alpha-2). */
export interface IspMailboxDomains {
  readonly country: string;
  readonly isp: string;
  readonly domains: readonly string[];
}

/** Residential ISP mailbox domains, by country and provider. */
export const ISP_MAILBOX_DOMAINS: readonly IspMailboxDomains[] = [
  // United States
  { country: 'US', isp: 'Comcast Xfinity', domains: ['comcast.net'] },
  {
    country: 'US',
    isp: 'AT&T (with the SBC, BellSouth, Pacific Bell, Ameritech, SNET, Prodigy legacy domains)',
    domains: [
      'att.net',
      'sbcglobal.net',
      'bellsouth.net',
      'pacbell.net',
      'ameritech.net',
      'swbell.net',
      'flash.net',
      'nvbell.net',
      'snet.net',
      'wans.net',
      'prodigy.net',
    ],
  },
  { country: 'US', isp: 'Verizon', domains: ['verizon.net'] },
  {
    country: 'US',
    isp: 'Charter Spectrum (with Time Warner Cable Road Runner)',
    domains: ['charter.net', 'spectrum.net', 'rr.com', 'twc.com'],
  },
  { country: 'US', isp: 'Cox', domains: ['cox.net'] },
  {
    country: 'US',
    isp: 'Optimum (Altice USA, with Suddenlink)',
    domains: ['optonline.net', 'optimum.net', 'suddenlink.net'],
  },
  { country: 'US', isp: 'EarthLink (with MindSpring)', domains: ['earthlink.net', 'mindspring.com'] },
  { country: 'US', isp: 'United Online (Juno, NetZero)', domains: ['juno.com', 'netzero.net', 'netzero.com'] },
  { country: 'US', isp: 'Frontier', domains: ['frontier.com', 'frontiernet.net'] },
  {
    country: 'US',
    isp: 'CenturyLink / Lumen (with Qwest, Embarq)',
    domains: ['centurylink.net', 'q.com', 'embarqmail.com'],
  },
  { country: 'US', isp: 'Windstream', domains: ['windstream.net'] },
  { country: 'US', isp: 'Mediacom', domains: ['mediacombb.net'] },
  { country: 'US', isp: 'WOW!', domains: ['wowway.com'] },
  { country: 'US', isp: 'RCN', domains: ['rcn.com'] },
  { country: 'US', isp: 'Cable One', domains: ['cableone.net'] },
  { country: 'US', isp: 'HughesNet', domains: ['hughes.net'] },
  { country: 'US', isp: 'PenTeleData', domains: ['ptd.net'] },
  // Canada
  { country: 'CA', isp: 'Bell (with Sympatico)', domains: ['bell.net', 'sympatico.ca'] },
  { country: 'CA', isp: 'Rogers', domains: ['rogers.com'] },
  { country: 'CA', isp: 'Shaw', domains: ['shaw.ca'] },
  { country: 'CA', isp: 'Telus', domains: ['telus.net'] },
  { country: 'CA', isp: 'Vidéotron', domains: ['videotron.ca'] },
  { country: 'CA', isp: 'Cogeco', domains: ['cogeco.ca'] },
  { country: 'CA', isp: 'Eastlink', domains: ['eastlink.ca'] },
  { country: 'CA', isp: 'SaskTel', domains: ['sasktel.net'] },
  { country: 'CA', isp: 'Bell MTS', domains: ['mts.net'] },
  // Mexico, Brazil, Argentina, Chile, Colombia
  { country: 'MX', isp: 'Telmex (Prodigy Infinitum)', domains: ['prodigy.net.mx'] },
  { country: 'BR', isp: 'UOL (with BOL)', domains: ['uol.com.br', 'bol.com.br'] },
  { country: 'BR', isp: 'Terra', domains: ['terra.com.br'] },
  { country: 'BR', isp: 'iG', domains: ['ig.com.br'] },
  { country: 'AR', isp: 'Fibertel', domains: ['fibertel.com.ar'] },
  { country: 'AR', isp: 'Telefónica Speedy', domains: ['speedy.com.ar'] },
  { country: 'AR', isp: 'Arnet', domains: ['arnet.com.ar'] },
  { country: 'CL', isp: 'VTR', domains: ['vtr.net'] },
  { country: 'CO', isp: 'UNE', domains: ['une.net.co'] },
  // United Kingdom, Ireland
  { country: 'GB', isp: 'BT', domains: ['btinternet.com', 'btopenworld.com', 'talk21.com'] },
  { country: 'GB', isp: 'Sky', domains: ['sky.com'] },
  {
    country: 'GB',
    isp: 'Virgin Media (with NTL, Telewest blueyonder, virgin.net)',
    domains: ['virginmedia.com', 'ntlworld.com', 'blueyonder.co.uk', 'virgin.net'],
  },
  { country: 'GB', isp: 'TalkTalk (with Tiscali UK)', domains: ['talktalk.net', 'tiscali.co.uk'] },
  { country: 'GB', isp: 'Plusnet', domains: ['plus.com'] },
  {
    country: 'GB',
    isp: 'EE / Orange UK (with Freeserve, Wanadoo UK)',
    domains: ['orange.net', 'freeserve.co.uk', 'wanadoo.co.uk'],
  },
  { country: 'IE', isp: 'eir', domains: ['eircom.net'] },
  // Germany, Austria, Switzerland
  { country: 'DE', isp: 'Deutsche Telekom', domains: ['t-online.de'] },
  {
    country: 'DE',
    isp: 'Vodafone (with Arcor, Kabel Deutschland, Unitymedia)',
    domains: ['vodafonemail.de', 'arcor.de', 'kabelmail.de', 'unitybox.de'],
  },
  { country: 'DE', isp: '1&1', domains: ['online.de', 'onlinehome.de'] },
  { country: 'DE', isp: 'freenet', domains: ['freenet.de'] },
  { country: 'DE', isp: 'NetCologne', domains: ['netcologne.de'] },
  { country: 'DE', isp: 'EWE', domains: ['ewetel.net'] },
  { country: 'DE', isp: 'M-net', domains: ['mnet-online.de'] },
  { country: 'DE', isp: 'Telefónica o2 (with Alice)', domains: ['o2online.de', 'alice-dsl.net', 'alice.de'] },
  { country: 'AT', isp: 'A1 Telekom Austria (with aon)', domains: ['aon.at', 'a1.net'] },
  { country: 'AT', isp: 'Magenta (UPC chello, Inode)', domains: ['chello.at', 'inode.at'] },
  { country: 'AT', isp: 'LIWEST', domains: ['liwest.at'] },
  { country: 'CH', isp: 'Swisscom', domains: ['bluewin.ch'] },
  { country: 'CH', isp: 'Sunrise (UPC Cablecom hispeed)', domains: ['hispeed.ch'] },
  // France, Belgium, Netherlands
  { country: 'FR', isp: 'Orange (with Wanadoo)', domains: ['orange.fr', 'wanadoo.fr'] },
  { country: 'FR', isp: 'Free', domains: ['free.fr', 'aliceadsl.fr'] },
  {
    country: 'FR',
    isp: 'SFR (with neuf, Cegetel, Club Internet, Numericable, Noos)',
    domains: ['sfr.fr', 'neuf.fr', 'cegetel.net', 'club-internet.fr', 'numericable.fr', 'noos.fr'],
  },
  { country: 'FR', isp: 'Bouygues Telecom', domains: ['bbox.fr'] },
  { country: 'BE', isp: 'Proximus (with Skynet, Belgacom)', domains: ['proximus.be', 'skynet.be', 'belgacom.net'] },
  { country: 'BE', isp: 'Telenet (with Pandora)', domains: ['telenet.be', 'pandora.be'] },
  { country: 'BE', isp: 'Scarlet', domains: ['scarlet.be'] },
  {
    country: 'NL',
    isp: 'Ziggo (with @Home, Casema, UPC chello, Quicknet, Zeelandnet)',
    domains: ['ziggo.nl', 'home.nl', 'casema.nl', 'chello.nl', 'upcmail.nl', 'quicknet.nl', 'zeelandnet.nl'],
  },
  {
    country: 'NL',
    isp: 'KPN (with Planet Internet, Hetnet, XS4ALL, Telfort)',
    domains: ['kpnmail.nl', 'kpn.nl', 'kpnplanet.nl', 'planet.nl', 'hetnet.nl', 'xs4all.nl', 'telfort.nl'],
  },
  { country: 'NL', isp: 'Odido (with Tele2, Online, Versatel)', domains: ['tele2.nl', 'online.nl', 'versatel.nl'] },
  { country: 'NL', isp: 'Caiway', domains: ['caiway.nl'] },
  { country: 'NL', isp: 'Solcon', domains: ['solcon.nl'] },
  // Italy, Spain, Portugal, Greece
  { country: 'IT', isp: 'TIM (with Alice, TIN)', domains: ['tim.it', 'alice.it', 'tin.it', 'virgilio.it'] },
  { country: 'IT', isp: 'Fastweb', domains: ['fastwebnet.it'] },
  { country: 'IT', isp: 'Tiscali', domains: ['tiscali.it'] },
  {
    country: 'IT',
    isp: 'WINDTRE (with Infostrada, Libero)',
    domains: ['infostrada.it', 'libero.it', 'inwind.it', 'iol.it'],
  },
  { country: 'IT', isp: 'Vodafone Italia (with TeleTu)', domains: ['teletu.it'] },
  { country: 'ES', isp: 'Movistar (Telefónica, with Terra)', domains: ['telefonica.net', 'movistar.es', 'terra.es'] },
  { country: 'ES', isp: 'Vodafone España (with ONO)', domains: ['ono.com'] },
  { country: 'ES', isp: 'Jazztel', domains: ['jazztel.es'] },
  { country: 'ES', isp: 'Euskaltel', domains: ['euskaltel.net'] },
  { country: 'PT', isp: 'MEO (Altice Portugal, with SAPO, Telepac)', domains: ['sapo.pt', 'meo.pt', 'telepac.pt'] },
  { country: 'PT', isp: 'NOS (with Netcabo, Clix)', domains: ['netcabo.pt', 'clix.pt'] },
  { country: 'GR', isp: 'Cosmote (OTEnet)', domains: ['otenet.gr'] },
  { country: 'GR', isp: 'Nova (Forthnet)', domains: ['forthnet.gr'] },
  { country: 'GR', isp: 'Vodafone Greece (HOL)', domains: ['hol.gr'] },
  // Nordics
  { country: 'SE', isp: 'Telia', domains: ['telia.com'] },
  { country: 'SE', isp: 'Tele2 (with Com Hem)', domains: ['tele2.se', 'comhem.se'] },
  { country: 'SE', isp: 'Bredband2', domains: ['bredband.net'] },
  { country: 'NO', isp: 'Telenor (Online)', domains: ['online.no'] },
  { country: 'NO', isp: 'Telia Norge (with Get)', domains: ['getmail.no', 'get.no'] },
  { country: 'NO', isp: 'Lyse (Altibox)', domains: ['lyse.net'] },
  { country: 'NO', isp: 'Tele2 Norge / Chello', domains: ['tele2.no', 'chello.no', 'c2i.net'] },
  { country: 'NO', isp: 'Broadpark', domains: ['broadpark.no'] },
  { country: 'DK', isp: 'TDC / YouSee', domains: ['mail.dk', 'tdcadsl.dk', 'post.tele.dk'] },
  { country: 'DK', isp: 'Stofa', domains: ['stofanet.dk'] },
  { country: 'FI', isp: 'Elisa (with Saunalahti, Kolumbus)', domains: ['elisanet.fi', 'saunalahti.fi', 'kolumbus.fi'] },
  { country: 'FI', isp: 'DNA (with Welho)', domains: ['dnainternet.net', 'welho.com'] },
  { country: 'FI', isp: 'Telia Finland (Sonera)', domains: ['pp.inet.fi'] },
  // Central and Eastern Europe
  { country: 'PL', isp: 'Orange Polska (Neostrada, TP)', domains: ['neostrada.pl', 'tpnet.pl'] },
  { country: 'PL', isp: 'Wirtualna Polska (with o2)', domains: ['wp.pl', 'o2.pl'] },
  { country: 'PL', isp: 'Onet (with op.pl)', domains: ['onet.pl', 'op.pl'] },
  { country: 'PL', isp: 'Interia', domains: ['interia.pl'] },
  { country: 'CZ', isp: 'Seznam', domains: ['seznam.cz', 'email.cz', 'post.cz'] },
  { country: 'CZ', isp: 'Centrum (with Atlas, Volný)', domains: ['centrum.cz', 'atlas.cz', 'volny.cz'] },
  { country: 'HU', isp: 'Magyar Telekom', domains: ['t-online.hu'] },
  { country: 'HU', isp: 'Vodafone Hungary (UPC)', domains: ['upcmail.hu', 'chello.hu'] },
  { country: 'HU', isp: 'Freemail / Citromail', domains: ['freemail.hu', 'citromail.hu'] },
  { country: 'RO', isp: 'Digi (RCS & RDS)', domains: ['rdslink.ro'] },
  { country: 'RU', isp: 'Mail.ru Group', domains: ['mail.ru', 'bk.ru', 'list.ru', 'inbox.ru'] },
  { country: 'RU', isp: 'Yandex', domains: ['yandex.ru', 'ya.ru'] },
  { country: 'RU', isp: 'Rambler', domains: ['rambler.ru'] },
  { country: 'UA', isp: 'UKR.NET / i.ua / META', domains: ['ukr.net', 'i.ua', 'meta.ua', 'bigmir.net'] },
  // Turkey, Israel, Gulf, Africa
  { country: 'TR', isp: 'Türk Telekom', domains: ['ttmail.com', 'ttnet.net.tr'] },
  { country: 'TR', isp: 'Turkcell Superonline', domains: ['superonline.com'] },
  { country: 'TR', isp: 'TurkNet', domains: ['turk.net'] },
  { country: 'IL', isp: 'Bezeq International', domains: ['bezeqint.net'] },
  { country: 'IL', isp: 'Netvision (Cellcom)', domains: ['netvision.net.il'] },
  { country: 'IL', isp: 'Partner 012 Smile', domains: ['012.net.il', 'smile.net.il'] },
  { country: 'IL', isp: 'Zahav / Walla', domains: ['zahav.net.il', 'walla.co.il'] },
  { country: 'AE', isp: 'Etisalat', domains: ['emirates.net.ae', 'eim.ae'] },
  { country: 'EG', isp: 'TE Data', domains: ['tedata.net.eg'] },
  { country: 'ZA', isp: 'MWEB', domains: ['mweb.co.za'] },
  { country: 'ZA', isp: 'Telkom', domains: ['telkomsa.net'] },
  { country: 'ZA', isp: 'Vodacom', domains: ['vodamail.co.za'] },
  { country: 'ZA', isp: 'Afrihost / iAfrica / webmail.co.za', domains: ['iafrica.com', 'webmail.co.za'] },
  // South and East Asia
  { country: 'IN', isp: 'BSNL (with DataOne)', domains: ['bsnl.in', 'dataone.in'] },
  { country: 'IN', isp: 'Tata Communications (VSNL)', domains: ['vsnl.net', 'vsnl.com'] },
  { country: 'IN', isp: 'Airtel', domains: ['airtelmail.in'] },
  { country: 'IN', isp: 'Sify (Satyam)', domains: ['satyam.net.in'] },
  { country: 'IN', isp: 'Rediff', domains: ['rediffmail.com'] },
  { country: 'CN', isp: 'China Mobile', domains: ['139.com'] },
  { country: 'CN', isp: 'China Telecom', domains: ['189.cn'] },
  { country: 'CN', isp: 'China Unicom', domains: ['wo.cn'] },
  { country: 'CN', isp: 'NetEase', domains: ['163.com', '126.com', 'yeah.net'] },
  { country: 'CN', isp: 'Tencent', domains: ['qq.com', 'foxmail.com'] },
  { country: 'CN', isp: 'Sina / Sohu / TOM', domains: ['sina.com', 'sina.cn', 'sohu.com', 'tom.com'] },
  { country: 'HK', isp: 'PCCW Netvigator', domains: ['netvigator.com'] },
  { country: 'HK', isp: 'HKBN', domains: ['hkbn.net'] },
  { country: 'TW', isp: 'Chunghwa Telecom HiNet', domains: ['hinet.net'] },
  { country: 'TW', isp: 'Seednet / So-net Taiwan', domains: ['seed.net.tw', 'so-net.net.tw'] },
  {
    country: 'JP',
    isp: 'NTT (OCN, plala) and NTT docomo',
    domains: ['ocn.ne.jp', 'plala.or.jp', 'docomo.ne.jp'],
  },
  { country: 'JP', isp: 'KDDI au (with DION, ezweb)', domains: ['au.com', 'ezweb.ne.jp', 'dion.ne.jp'] },
  { country: 'JP', isp: 'SoftBank (with Yahoo! BB)', domains: ['softbank.ne.jp', 'i.softbank.jp', 'ybb.ne.jp'] },
  { country: 'JP', isp: 'Sony Network Communications (So-net)', domains: ['so-net.ne.jp'] },
  { country: 'JP', isp: 'NEC BIGLOBE', domains: ['biglobe.ne.jp'] },
  { country: 'JP', isp: '@nifty', domains: ['nifty.com'] },
  { country: 'JP', isp: 'J:COM', domains: ['jcom.home.ne.jp', 'zaq.ne.jp'] },
  { country: 'JP', isp: 'eo (Optage)', domains: ['eonet.ne.jp'] },
  { country: 'JP', isp: 'ASAHI Net', domains: ['asahi-net.or.jp'] },
  { country: 'KR', isp: 'KT (with Hanafos, Paran)', domains: ['kornet.net', 'hanafos.com', 'paran.com'] },
  { country: 'KR', isp: 'Naver', domains: ['naver.com'] },
  { country: 'KR', isp: 'Kakao (Daum, Hanmail)', domains: ['daum.net', 'hanmail.net', 'kakao.com'] },
  { country: 'KR', isp: 'SK Communications (Nate)', domains: ['nate.com'] },
  { country: 'SG', isp: 'Singtel SingNet', domains: ['singnet.com.sg'] },
  { country: 'SG', isp: 'StarHub (with Pacific Internet)', domains: ['starhub.net.sg', 'pacific.net.sg'] },
  { country: 'MY', isp: 'TM (Streamyx, Unifi)', domains: ['tm.net.my', 'streamyx.com'] },
  { country: 'TH', isp: 'True', domains: ['truemail.co.th'] },
  { country: 'TH', isp: 'CS LoxInfo', domains: ['loxinfo.co.th'] },
  { country: 'ID', isp: 'Telkom Indonesia', domains: ['telkom.net'] },
  { country: 'ID', isp: 'Indosat', domains: ['indosat.net.id'] },
  { country: 'PH', isp: 'PLDT', domains: ['pldtdsl.net'] },
  { country: 'VN', isp: 'VNPT', domains: ['vnn.vn'] },
  { country: 'VN', isp: 'FPT Telecom', domains: ['fpt.vn'] },
  // Oceania
  { country: 'AU', isp: 'Telstra BigPond', domains: ['bigpond.com', 'bigpond.net.au'] },
  { country: 'AU', isp: 'Optus', domains: ['optusnet.com.au'] },
  {
    country: 'AU',
    isp: 'TPG (with iiNet, Internode, Westnet, AAPT)',
    domains: ['tpg.com.au', 'iinet.net.au', 'internode.on.net', 'westnet.com.au', 'aapt.net.au'],
  },
  { country: 'AU', isp: 'Vocus (Dodo, iPrimus)', domains: ['dodo.com.au'] },
  { country: 'AU', isp: 'Adam Internet', domains: ['adam.com.au'] },
  { country: 'AU', isp: 'OzEmail', domains: ['ozemail.com.au'] },
  { country: 'NZ', isp: 'Spark (Xtra)', domains: ['xtra.co.nz'] },
  {
    country: 'NZ',
    isp: 'One NZ (Vodafone NZ, with ihug, Paradise, clear)',
    domains: ['vodafone.co.nz', 'ihug.co.nz', 'paradise.net.nz', 'clear.net.nz'],
  },
  { country: 'NZ', isp: '2degrees (with Orcon, Slingshot)', domains: ['orcon.net.nz', 'slingshot.co.nz'] },
];
