//===- bench/BenchCorpus.cpp - Inputs for the microbenchmarks -------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "BenchCorpus.h"

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace claimlint {
namespace bench {

namespace {

/// A small fixed generator (xorshift), so every platform sees the same text.
class Rng {
public:
  explicit Rng(uint64_t Seed) : S(Seed ? Seed : 1) {}
  uint64_t next() {
    S ^= S << 13;
    S ^= S >> 7;
    S ^= S << 17;
    return S;
  }
  size_t below(size_t N) { return static_cast<size_t>(next() % N); }
  template <size_t K> const char *pick(const char *const (&A)[K]) {
    return A[below(K)];
  }
  bool chance(unsigned Percent) { return below(100) < Percent; }

private:
  uint64_t S;
};

const char *const Conditions[] = {"knee arthritis",    "low back pain",
                                  "sciatica",          "heel pain",
                                  "tennis elbow",      "a frozen shoulder",
                                  "neck pain",         "hip bursitis",
                                  "tendon pain",       "carpal tunnel",
                                  "migraine",          "jaw pain",
                                  "shin splints",      "a slipped disc",
                                  "whiplash",          "gout",
                                  "stiff joints",      "hamstring strains",
                                  "ankle sprains",     "pelvic pain",
                                  "chronic fatigue",   "plantar fasciitis",
                                  "rotator cuff pain", "osteoarthritis"};
const char *const Treatments[] = {"physiotherapy",    "shockwave therapy",
                                  "PRP injections",   "acupuncture",
                                  "dry needling",     "sports massage",
                                  "exercise therapy", "steroid injections",
                                  "hydrotherapy",     "laser therapy",
                                  "manual therapy",   "Pilates",
                                  "taping",           "bracing",
                                  "heat therapy",     "stem cell therapy",
                                  "osteopathy",       "nerve blocks"};
const char *const Activities[] = {
    "gardening", "running",         "cycling",   "golf",   "swimming",
    "hiking",    "climbing stairs", "desk work", "tennis", "dancing"};
const char *const People[] = {"physiotherapist", "surgeon",    "GP",
                              "pain specialist", "podiatrist", "nurse"};
const char *const Plain[] = {
    "Our team will assess how you move and listen to what matters to you.",
    "Most appointments last about forty minutes.",
    "You can book online or call the front desk during opening hours.",
    "Bring comfortable clothes and a list of any medicines you take.",
    "We will explain the options and agree a plan with you.",
    "Parking is available behind the building, and the entrance has a ramp.",
    "Secure online booking keeps your details private.",
    "The causeway car park is a short walk from the clinic.",
    "Our reception team can procure a copy of your scan report.",
    "A manicure salon shares the ground floor with us.",
    "Dr. Patel has worked in musculoskeletal care for 12 years, e.g. in "
    "sports clinics.",
    "Results vary from person to person.",
    "Fees are listed on our prices page; some insurers cover treatment.",
    "Recovery takes 6 to 12 weeks for most people, sometimes longer."};
const char *const Claims[] = {
    "Our {T} cures {C} for good.",
    "Walk pain-free again after just one session of {T}.",
    "{T} is a breakthrough treatment with no side effects.",
    "We treat the root cause of {C}, not just the symptoms.",
    "Guaranteed results: {T} works for everyone with {C}.",
    "{T} is 100% safe and completely painless.",
    "Say goodbye to {C} forever with our groundbreaking {T}.",
    "{T} is clinically proven to reverse {C}.",
    "Regrow cartilage naturally with {T}.",
    "Be back to {A} in days, free of pain for life.",
    "Our miracle {T} eliminates {C} without surgery.",
    "The only treatment you will ever need for {C}."};
const char *const Qualified[] = {
    "{T} may reduce pain for some people with {C}.",
    "There is no cure for {C}, but symptoms can be managed.",
    "Some patients report less pain after {T}, although evidence is limited.",
    "A 2019 trial found that {T} improved function in {C} [3].",
    "It is not true that {T} cures {C}.",
    "{T} might help you return to {A}, depending on your condition.",
    "Studies suggest {T} can ease {C} in the short term (Smith et al., "
    "2020)."};

std::string fill(const char *Template, Rng &R) {
  std::string Out;
  for (const char *P = Template; *P; ++P) {
    if (P[0] == '{' && P[1] && P[2] == '}') {
      char K = P[1];
      Out += K == 'T'   ? R.pick(Treatments)
             : K == 'C' ? R.pick(Conditions)
                        : R.pick(Activities);
      P += 2;
      continue;
    }
    Out.push_back(*P);
  }
  if (!Out.empty() && Out[0] >= 'a' && Out[0] <= 'z')
    Out[0] = static_cast<char>(Out[0] - 'a' + 'A');
  return Out;
}

std::string sentence(Rng &R) {
  size_t K = R.below(100);
  if (K < 9)
    return fill(R.pick(Claims), R);
  if (K < 15)
    return fill(R.pick(Qualified), R);
  if (K < 60)
    return R.pick(Plain);
  std::string S = fill("{T} is one option for {C}.", R);
  if (R.chance(50))
    S += " Ask your " + std::string(R.pick(People)) + " whether it suits you.";
  return S;
}

/// One page as a list of blocks, rendered three ways.
enum class Kind { Heading, Para, Item, Quote, Cell, Code };
struct Piece {
  Kind K;
  std::string Text;
  std::string Link; // a link inside the block, rendered after the text
};

std::vector<Piece> page(Rng &R, unsigned Index) {
  std::vector<Piece> P;
  P.push_back({Kind::Heading, fill("{C}: what to expect", R), ""});
  for (unsigned Sec = 0, NSec = 2 + R.below(3); Sec < NSec; ++Sec) {
    for (unsigned I = 0, N = 1 + R.below(3); I < N; ++I) {
      std::string Para;
      for (unsigned S = 0, NS = 2 + R.below(5); S < NS; ++S)
        Para += (S ? " " : "") + sentence(R);
      P.push_back({Kind::Para, Para,
                   R.chance(30)
                       ? "https://example.org/page-" + std::to_string(Index) +
                             "-" + std::to_string(I)
                       : ""});
    }
    if (R.chance(50))
      for (unsigned I = 0, N = 2 + R.below(4); I < N; ++I)
        P.push_back({Kind::Item, sentence(R), ""});
    if (R.chance(20))
      P.push_back({Kind::Quote,
                   "\"" + fill(R.pick(Claims), R) +
                       "\" says a "
                       "patient.",
                   ""});
    if (R.chance(15))
      for (unsigned I = 0; I < 4; ++I)
        P.push_back({Kind::Cell, R.pick(Treatments), ""});
    if (R.chance(10))
      P.push_back({Kind::Code,
                   "book(\"cure-all\", " + std::to_string(Index) + ");", ""});
    P.push_back({Kind::Heading, fill("How {T} can help", R), ""});
  }
  return P;
}

/// Hard-wraps \p S at about 78 columns.
std::string wrap(const std::string &S) {
  std::string Out;
  size_t Col = 0;
  std::istringstream In(S);
  std::string W;
  while (In >> W) {
    if (Col && Col + 1 + W.size() > 78) {
      Out += '\n';
      Col = 0;
    } else if (Col) {
      Out += ' ';
      ++Col;
    }
    Out += W;
    Col += W.size();
  }
  return Out;
}

void renderMarkdown(const std::vector<Piece> &P, Rng &R, std::string &Out) {
  bool InTable = false;
  for (const Piece &B : P) {
    if (B.K != Kind::Cell && InTable) {
      Out += "\n";
      InTable = false;
    }
    switch (B.K) {
    case Kind::Heading:
      Out += (Out.empty() || R.chance(30) ? "# " : "## ") + B.Text + "\n\n";
      break;
    case Kind::Para:
      Out += R.chance(40) ? wrap(B.Text) : B.Text;
      if (!B.Link.empty())
        Out += " [Read more about **" + std::string(R.pick(Treatments)) +
               "**](" + B.Link + ").";
      if (R.chance(10))
        Out += " <!-- reviewed: cures everything -->";
      Out += "\n\n";
      break;
    case Kind::Item:
      Out += "- " + B.Text + "\n";
      break;
    case Kind::Quote:
      Out += "\n> " + B.Text + "\n\n";
      break;
    case Kind::Cell:
      if (!InTable) {
        Out += "\n| Treatment | Sessions |\n|---|---|\n";
        InTable = true;
      }
      Out += "| " + B.Text + " | " + std::to_string(1 + R.below(8)) + " |\n";
      break;
    case Kind::Code:
      Out += "\n```js\n" + B.Text + "\n```\n\n";
      break;
    }
  }
  Out += "\n";
}

void renderHtml(const std::vector<Piece> &P, std::string &Out) {
  Out += "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" +
         P[0].Text +
         "</title>\n<script>var track = \"cure\";</script>\n"
         "<style>p { margin: 0 }</style></head>\n<body><nav><a "
         "href=\"/\">Home</a></nav>\n";
  bool InList = false, InTable = false;
  for (const Piece &B : P) {
    if (B.K != Kind::Item && InList) {
      Out += "</ul>\n";
      InList = false;
    }
    if (B.K != Kind::Cell && InTable) {
      Out += "</tr></table>\n";
      InTable = false;
    }
    switch (B.K) {
    case Kind::Heading:
      Out += "<h2>" + B.Text + "</h2>\n";
      break;
    case Kind::Para:
      Out += "<p>" + B.Text;
      if (!B.Link.empty())
        Out += " <a href=\"" + B.Link + "\">Read <em>more</em></a>.";
      Out += "</p>\n";
      break;
    case Kind::Item:
      if (!InList)
        Out += "<ul>\n";
      InList = true;
      Out += "  <li>" + B.Text + "</li>\n";
      break;
    case Kind::Quote:
      Out += "<blockquote><p>" + B.Text + "</p></blockquote>\n";
      break;
    case Kind::Cell:
      if (!InTable)
        Out += "<table><tr>";
      InTable = true;
      Out += "<td>" + B.Text + "</td>";
      break;
    case Kind::Code:
      Out += "<pre><code>" + B.Text + "</code></pre>\n";
      break;
    }
  }
  if (InList)
    Out += "</ul>\n";
  if (InTable)
    Out += "</tr></table>\n";
  Out += "<footer>&copy; Clinic &amp; Co.</footer></body></html>\n";
}

void renderPlain(const std::vector<Piece> &P, std::string &Out) {
  for (const Piece &B : P) {
    if (B.K == Kind::Code)
      continue;
    Out += (B.K == Kind::Item ? "- " : "") + B.Text +
           (B.K == Kind::Item || B.K == Kind::Cell ? "\n" : "\n\n");
  }
  Out += "\n";
}

Corpus generate() {
  Corpus C;
  double MB = 1.0;
  if (const char *E = std::getenv("CLAIMLINT_BENCH_MB"))
    MB = std::atof(E) > 0 ? std::atof(E) : MB;
  size_t Target = static_cast<size_t>(MB * 1e6);
  Rng R(42);
  for (unsigned I = 0; C.Markdown.size() < Target; ++I) {
    std::vector<Piece> P = page(R, I);
    renderMarkdown(P, R, C.Markdown);
    renderHtml(P, C.Html);
    renderPlain(P, C.Plain);
  }
  if (const char *F = std::getenv("CLAIMLINT_BENCH_CORPUS")) {
    std::ifstream In(F, std::ios::binary);
    std::stringstream SS;
    SS << In.rdbuf();
    if (In)
      C.Markdown = SS.str();
  }
  return C;
}

// Words for generated patterns beyond the hand-written ones.
const char *const Verbs[] = {
    "cure",    "heal",     "fix",     "end",       "stop",      "reverse",
    "erase",   "banish",   "beat",    "defeat",    "remove",    "clear",
    "restore", "repair",   "rebuild", "regrow",    "renew",     "reset",
    "correct", "resolve",  "kill",    "destroy",   "wipe",      "cleanse",
    "detox",   "boost",    "unlock",  "transform", "solve",     "prevent",
    "halt",    "undo",     "mend",    "free",      "rid",       "shrink",
    "melt",    "dissolve", "flush",   "purge",     "block",     "shield",
    "protect", "guard",    "revive",  "recharge",  "rebalance", "realign",
    "release", "ease",     "calm",    "soothe",    "relieve",   "lift",
    "tackle",  "target",   "attack",  "crush",     "conquer",   "overcome"};
const char *const Objects[] = {
    "arthritis",    "back pain",   "sciatica",   "migraine",    "gout",
    "inflammation", "joint pain",  "nerve pain", "neck pain",   "knee pain",
    "hip pain",     "heel pain",   "tendonitis", "bursitis",    "fatigue",
    "insomnia",     "anxiety",     "stress",     "toxins",      "cartilage",
    "discs",        "spine",       "posture",    "immunity",    "metabolism",
    "hormones",     "cholesterol", "diabetes",   "obesity",     "cellulite",
    "wrinkles",     "aging",       "acne",       "eczema",      "psoriasis",
    "allergies",    "asthma",      "reflux",     "bloating",    "constipation",
    "headaches",    "tinnitus",    "vertigo",    "scar tissue", "swelling",
    "stiffness",    "weakness",    "numbness",   "cramps",      "spasms"};
const char *const Handwritten[] = {
    "cur(?:e[sd]?|ing)",
    "pain[- ]?free",
    "painless(?:ly)?",
    "root causes?",
    "(?:no|zero|without(?: any)?) side[- ]effects?",
    "ground[- ]?breaking",
    "break[- ]?throughs?",
    "guarantee[sd]?(?: results?)?",
    "100% (?:safe|effective|natural)",
    "clinically proven",
    "miracle(?: cures?)?",
    "regrow(?:s|ing)? cartilage",
    "for good",
    "forever",
    "(?:completely|totally|entirely) safe",
    "eliminat(?:e[sd]?|ing)",
    "revers(?:e[sd]?|ing)",
    "works? for everyone",
    "(?:the )?only treatment",
    "say goodbye to",
    "free of pain",
    "without surgery",
    "(?:instant|immediate) relief",
    "permanent(?:ly)? (?:relief|results?|fix)",
    "risk[- ]free"};

} // namespace

const Corpus &corpus() {
  static const Corpus C = generate();
  return C;
}

std::vector<std::string> claimPatterns(unsigned N) {
  std::vector<std::string> Out;
  for (const char *H : Handwritten) {
    if (Out.size() == N)
      return Out;
    Out.push_back(std::string("\\b(?:") + H + ")\\b");
  }
  const size_t NV = sizeof(Verbs) / sizeof(Verbs[0]);
  const size_t NO = sizeof(Objects) / sizeof(Objects[0]);
  for (size_t I = 0; Out.size() < N; ++I) {
    // Walk the verb x object grid diagonally so small sets mix both lists.
    size_t V = I % NV, O = (I / NV + I) % NO;
    if (I >= NV * NO) // past the grid: add a distinguishing adverb
      Out.push_back("\\b(?:" + std::string(Verbs[V]) + "(?:s|d|ed|ing)? " +
                    "(?:your |the )?" + Objects[O] + " (?:fast|today|" +
                    std::to_string(I / (NV * NO)) + "))\\b");
    else
      Out.push_back("\\b(?:" + std::string(Verbs[V]) + "(?:s|d|ed|ing)? " +
                    "(?:your |the )?" + Objects[O] + ")\\b");
  }
  return Out;
}

} // namespace bench
} // namespace claimlint
