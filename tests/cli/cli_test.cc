// Runs the real `trygnet` binary as a user would and checks exit codes,
// messages and output.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "support/temp_dir.h"

namespace trygnet {
namespace {

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

std::string ReadAll(const std::string& path) {
  std::ifstream in(path);
  std::stringstream contents;
  contents << in.rdbuf();
  return contents.str();
}

class CliTest : public ::testing::Test {
 protected:
  RunResult Run(const std::string& args, const std::string& env = "", const std::string& input = "/dev/null") {
    std::string command = env + " " + TRYGNET_BINARY + " " + args + " >" + dir_.File("out.txt") + " 2>" +
                          dir_.File("err.txt") + " <" + input;
    int status = std::system(command.c_str());
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, ReadAll(dir_.File("out.txt")), ReadAll(dir_.File("err.txt"))};
  }
  std::string Definition() { return std::string(TRYGNET_SOURCE_DIR) + "/partnerships/norrebro-2017.toml"; }
  void WriteFile(const std::string& path, const std::string& text) { std::ofstream(path) << text; }

  testing::TempDir dir_;
};

TEST_F(CliTest, HelpOnEveryCommandExitsZero) {
  for (const char* command : {"", "init", "demo", "partnership", "partnership load", "partnership show", "person",
                              "person list", "person show", "indicators", "triggers run", "meetings due", "import",
                              "import survey", "report", "network"}) {
    RunResult result = Run(std::string(command) + " --help");
    EXPECT_EQ(result.exit_code, 0) << command;
    EXPECT_NE(result.out.find("Usage"), std::string::npos) << command;
  }
}

TEST_F(CliTest, UsageErrorsExitTwo) {
  EXPECT_EQ(Run("").exit_code, 2);
  EXPECT_EQ(Run("no-such-command").exit_code, 2);
  EXPECT_EQ(Run("indicators --db x.db").exit_code, 2);  // required options missing
  RunResult bad_date = Run("indicators --db x.db --partnership norrebro-2017 --as-of 2017-02-30");
  EXPECT_EQ(bad_date.exit_code, 2);
  EXPECT_NE(bad_date.err.find("as-of"), std::string::npos) << bad_date.err;
  EXPECT_NE(bad_date.err.find("not a real calendar date"), std::string::npos) << bad_date.err;
  EXPECT_EQ(Run("demo --db " + dir_.File("d.db") + " --scale planet").exit_code, 2);
}

TEST_F(CliTest, MissingDatabaseIsARuntimeError) {
  RunResult result = Run("person list --db " + dir_.File("missing.db") + " --key-file " + dir_.File("k"));
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("does not exist"), std::string::npos) << result.err;
}

TEST_F(CliTest, InitCreatesDatabaseAndPrivateKeyThenRefusesToOverwrite) {
  std::string db = dir_.File("new.db"), key = dir_.File("new.key");
  RunResult result = Run("init --db " + db + " --key-file " + key);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  struct stat info {};
  ASSERT_EQ(::stat(key.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
  EXPECT_EQ(Run("init --db " + db + " --key-file " + key).exit_code, 1);
  // The key can also come from the environment.
  EXPECT_EQ(Run("partnership load " + Definition() + " --db " + db, "TRYGNET_KEY_FILE=" + key).exit_code, 0);
  RunResult shown = Run("partnership show --db " + db + " --partnership norrebro-2017 --key-file " + key);
  EXPECT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_NE(shown.out.find("Mjølnerparken"), std::string::npos);
  EXPECT_NE(shown.out.find("Operativ styregruppe: mindst 4 gange årligt"), std::string::npos) << shown.out;
}

TEST_F(CliTest, StatisticsImportsAreAllOrNothingAndFeedTheIndicators) {
  std::string db = dir_.File("s.db"), key = dir_.File("s.key");
  ASSERT_EQ(Run("init --db " + db + " --key-file " + key).exit_code, 0);
  ASSERT_EQ(Run("partnership load " + Definition() + " --db " + db + " --key-file " + key).exit_code, 0);
  const std::string common = " --db " + db + " --key-file " + key + " --partnership norrebro-2017";
  WriteFile(dir_.File("bad.csv"),
            "area_id;year;citizen_crime_reports\nydre-norrebro;2016;2025\namager;2016;5\nindre-norrebro;2016;x\n");
  RunResult bad = Run("import police-reports" + common + " --file " + dir_.File("bad.csv") + " --source Test");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("linje 3, kolonne area_id"), std::string::npos) << bad.err;
  EXPECT_NE(bad.err.find("linje 4, kolonne citizen_crime_reports"), std::string::npos) << bad.err;
  EXPECT_NE(bad.err.find("nothing was imported"), std::string::npos) << bad.err;

  WriteFile(dir_.File("population.csv"), "area_id,year,population\r\nydre-norrebro,2016,50000\r\n");
  WriteFile(dir_.File("reports.csv"), "area_id;year;citizen_crime_reports\nydre-norrebro;2016;2025\n");
  RunResult population = Run("import population" + common + " --file " + dir_.File("population.csv") +
                             " --source \"Danmarks Statistik\"");
  ASSERT_EQ(population.exit_code, 0) << population.err;
  EXPECT_NE(population.out.find("Importerede 1 rækker"), std::string::npos) << population.out;
  RunResult reports =
      Run("import police-reports" + common + " --file " + dir_.File("reports.csv") + " --source Rigspolitiet --json");
  ASSERT_EQ(reports.exit_code, 0) << reports.err;
  EXPECT_NE(reports.out.find("\"figures\": 1"), std::string::npos) << reports.out;
  RunResult shown = Run("indicators" + common + " --as-of 2016-12-31");
  EXPECT_NE(shown.out.find("[citizen_crime_ydre] værdi 40,5"), std::string::npos) << shown.out;
  RunResult audited = Run("audit query --db " + db + " --key-file " + key + " --json");
  EXPECT_NE(audited.out.find("statistics-import/"), std::string::npos) << audited.out;
  EXPECT_EQ(Run("import survey" + common + " --file " + dir_.File("missing.csv") + " --source x").exit_code, 2);
  EXPECT_EQ(Run("import population" + common + " --file " + dir_.File("population.csv")).exit_code, 2)
      << "--source is required";
}

TEST_F(CliTest, RefusesAKeyFileOthersCanRead) {
  std::string db = dir_.File("k.db"), key = dir_.File("k.key");
  ASSERT_EQ(Run("init --db " + db + " --key-file " + key).exit_code, 0);
  ::chmod(key.c_str(), 0644);
  RunResult result = Run("person list --db " + db + " --key-file " + key);
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("chmod 600"), std::string::npos) << result.err;
}

TEST_F(CliTest, RefusesAWrongKey) {
  std::string db = dir_.File("w.db");
  ASSERT_EQ(Run("init --db " + db + " --key-file " + dir_.File("right.key")).exit_code, 0);
  ASSERT_EQ(Run("init --db " + dir_.File("other.db") + " --key-file " + dir_.File("wrong.key")).exit_code, 0);
  RunResult result = Run("person list --db " + db + " --key-file " + dir_.File("wrong.key"));
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("does not belong to this database"), std::string::npos) << result.err;
}

TEST_F(CliTest, BrokenDefinitionListsEveryProblemAndLoadsNothing) {
  std::string text = ReadAll(Definition());
  text.replace(text.find("organisation = \"kbh-politi\""), 27, "organisation = \"no-such-org\"");
  text.replace(text.find("min_per_year = 4"), 16, "min_per_yeer = 4");
  std::string broken = dir_.File("broken.toml");
  WriteFile(broken, text);
  RunResult result = Run("partnership show --file " + broken);
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("broken.toml:"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("min_per_yeer: unknown key"), std::string::npos) << result.err;
  WriteFile(broken, "[partnership\nid = 1\n");
  RunResult syntax = Run("partnership show --file " + broken);
  EXPECT_EQ(syntax.exit_code, 2);
  EXPECT_NE(syntax.err.find("not valid TOML"), std::string::npos) << syntax.err;
}

TEST_F(CliTest, DemoThenIndicatorsShowTheBaseline) {
  std::string db = dir_.File("demo.db");
  RunResult demo = Run("demo --db " + db + " --seed 3");
  ASSERT_EQ(demo.exit_code, 0) << demo.err;
  EXPECT_NE(demo.out.find("DEMO"), std::string::npos);
  struct stat info {};
  ASSERT_EQ(::stat((db + ".key").c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
  // Every open of a demo database says so.
  RunResult json = Run("indicators --db " + db + " --partnership norrebro-2017 --as-of 2017-03-31 --json");
  ASSERT_EQ(json.exit_code, 0) << json.err;
  EXPECT_NE(json.err.find("DEMO"), std::string::npos);
  EXPECT_NE(json.out.find("\"id\": \"registered_active_members\""), std::string::npos);
  EXPECT_NE(json.out.find("\"value\": 290.0"), std::string::npos) << json.out;
  RunResult known =
      Run("indicators --db " + db + " --partnership norrebro-2017 --as-of 2017-03-31 --known-at 2017-04-10");
  EXPECT_NE(known.out.find("værdi 293"), std::string::npos) << known.out;
  RunResult english = Run("indicators --db " + db + " --partnership norrebro-2017 --as-of 2016-12-31 --lang en");
  EXPECT_NE(english.out.find("baseline 40.5"), std::string::npos) << english.out;
  RunResult danish = Run("indicators --db " + db + " --partnership norrebro-2017 --as-of 2016-12-31");
  EXPECT_NE(danish.out.find("baseline 40,5"), std::string::npos) << danish.out;
  EXPECT_EQ(Run("indicators --db " + db + " --partnership nowhere-2020 --as-of 2017-03-31").exit_code, 1);
  RunResult due = Run("meetings due --db " + db + " --partnership norrebro-2017 --as-of 2018-02-15");
  ASSERT_EQ(due.exit_code, 0) << due.err;
  EXPECT_NE(due.out.find("Operativ styregruppe"), std::string::npos) << due.out;
  EXPECT_NE(due.out.find("efter behov"), std::string::npos) << due.out;
  RunResult due_json =
      Run("meetings due --db " + db + " --partnership norrebro-2017 --as-of 2018-02-15 --json");
  ASSERT_EQ(due_json.exit_code, 0) << due_json.err;
  EXPECT_NE(due_json.out.find("\"meeting_type_id\": \"operative-steering-group\""), std::string::npos)
      << due_json.out;
  EXPECT_NE(due_json.out.find("\"year\": 2018"), std::string::npos) << due_json.out;
  EXPECT_EQ(Run("meetings due --db " + db + " --partnership norrebro-2017 --as-of 2018-02-30").exit_code, 2);
  // A second demo into the same file is refused, the data untouched.
  EXPECT_EQ(Run("demo --db " + db).exit_code, 1);
}

TEST_F(CliTest, ReportIsWrittenWholeAndTheSameKnownAtGivesTheSameFile) {
  const std::string db = dir_.File("r.db");
  ASSERT_EQ(Run("demo --db " + db).exit_code, 0);
  const std::string base = "report --db " + db + " --partnership norrebro-2017 --period 2017-08-01..2018-06-30 ";
  RunResult pdf = Run(base + "-o " + dir_.File("r.pdf"));
  ASSERT_EQ(pdf.exit_code, 0) << pdf.err;
  EXPECT_NE(pdf.out.find("Skrev statusrapport (pdf, intern udgave"), std::string::npos) << pdf.out;
  EXPECT_EQ(ReadAll(dir_.File("r.pdf")).rfind("%PDF-", 0), 0u);

  // Regenerated as known at the same date, the file is the same to the byte.
  for (const char* name : {"a.xlsx", "b.xlsx"}) {
    RunResult xlsx = Run(base + "--known-at 2018-08-15 -o " + dir_.File(name));
    ASSERT_EQ(xlsx.exit_code, 0) << xlsx.err;
  }
  EXPECT_EQ(ReadAll(dir_.File("a.xlsx")), ReadAll(dir_.File("b.xlsx")));
  RunResult english = Run(base + "--lang en --edition external --format html -o " + dir_.File("report.out"));
  ASSERT_EQ(english.exit_code, 0) << english.err;
  EXPECT_NE(ReadAll(dir_.File("report.out")).find("External edition"), std::string::npos);

  // Bad input: a clear error naming the option, and the old file untouched.
  WriteFile(dir_.File("keep.html"), "old");
  struct BadCase {
    std::string args;
    std::string named;
  };
  const std::vector<BadCase> bad = {
      {"--period 2018-06-30..2017-08-01", "period"}, {"--period 2017-08-01", "period"},
      {"--period 2010-01-01..2010-12-31", "period"}, {"--lang de", "lang"},
      {"--edition secret", "edition"},                {"--format docx", "format"},
      {"--known-at 2018-13-01", "known-at"},
  };
  for (const BadCase& item : bad) {
    std::string args = "report --db " + db + " --partnership norrebro-2017 -o " + dir_.File("keep.html") + " " +
                       (item.args.rfind("--period", 0) == 0 ? "" : "--period 2017-08-01..2018-06-30 ") + item.args;
    RunResult result = Run(args);
    EXPECT_EQ(result.exit_code, 2) << item.args << ": " << result.err;
    EXPECT_NE(result.err.find(item.named), std::string::npos) << item.args << ": " << result.err;
  }
  RunResult no_format = Run(base + "-o " + dir_.File("report.docx"));
  EXPECT_EQ(no_format.exit_code, 2);
  EXPECT_NE(no_format.err.find("format"), std::string::npos) << no_format.err;
  RunResult no_directory = Run(base + "-o " + dir_.File("missing/r.pdf"));
  EXPECT_EQ(no_directory.exit_code, 1);
  EXPECT_NE(no_directory.err.find("missing/r.pdf"), std::string::npos) << no_directory.err;
  EXPECT_EQ(ReadAll(dir_.File("keep.html")), "old");
  // Making a report is audited, and the log still verifies.
  EXPECT_EQ(Run("audit verify --db " + db).exit_code, 0);
}

TEST_F(CliTest, ReadsAreAuditedAndTheLogVerifies) {
  std::string db = dir_.File("a.db");
  ASSERT_EQ(Run("demo --db " + db).exit_code, 0);
  RunResult empty = Run("audit verify --db " + db);
  ASSERT_EQ(empty.exit_code, 0) << empty.err;
  EXPECT_NE(empty.out.find("intakt: 0 poster"), std::string::npos) << empty.out;
  ASSERT_EQ(Run("person list --db " + db + " --limit 3").exit_code, 0);
  ASSERT_EQ(Run("person show 2 --db " + db).exit_code, 0);
  RunResult verified = Run("audit verify --db " + db);
  ASSERT_EQ(verified.exit_code, 0) << verified.err;
  EXPECT_NE(verified.out.find("intakt: 4 poster"), std::string::npos) << verified.out;
  RunResult query = Run("audit query --db " + db + " --person 2 --json");
  ASSERT_EQ(query.exit_code, 0) << query.err;
  EXPECT_NE(query.out.find("\"purpose\": \"local_administration\""), std::string::npos) << query.out;
  EXPECT_NE(query.out.find("\"resource\": \"person/2\""), std::string::npos);
  EXPECT_EQ(Run("audit query --db " + db + " --from 2017-02-30").exit_code, 2);
  // Tampering with an entry is found and named.
  ASSERT_EQ(std::system(("sqlite3 " + db + " \"UPDATE audit_log SET user_name = 'x' WHERE sequence = 2\"").c_str()), 0);
  RunResult broken = Run("audit verify --db " + db);
  EXPECT_EQ(broken.exit_code, 1);
  EXPECT_NE(broken.err.find("broken at entry 2"), std::string::npos) << broken.err;
}

TEST_F(CliTest, CprNumbersAreMaskedUnlessAskedFor) {
  std::string db = dir_.File("m.db");
  ASSERT_EQ(Run("demo --db " + db).exit_code, 0);
  RunResult masked = Run("person show 1 --db " + db);
  EXPECT_NE(masked.out.find("-xxxx"), std::string::npos) << masked.out;
  RunResult full = Run("person show 1 --db " + db + " --show-cpr");
  EXPECT_EQ(full.out.find("-xxxx"), std::string::npos) << full.out;
}

TEST_F(CliTest, DemoKeyBesideTheDatabaseWinsOverTheEnvironmentInMakeRun) {
  std::string db = dir_.File("r/demo.db");
  std::string script = std::string(TRYGNET_SOURCE_DIR) + "/scripts/run-demo.sh";
  int status = std::system(("TRYGNET_KEY_FILE=/nonexistent " + script + " " + TRYGNET_BINARY + " " + db +
                            " norrebro-2017 >" + dir_.File("run.txt") + " 2>&1")
                               .c_str());
  EXPECT_EQ(WEXITSTATUS(status), 0) << ReadAll(dir_.File("run.txt"));
  EXPECT_NE(ReadAll(dir_.File("run.txt")).find("værdi 290"), std::string::npos);
}

TEST_F(CliTest, UserAdministrationIsAuditedAndChecksItsInput) {
  std::string db = dir_.File("u.db");
  ASSERT_EQ(Run("demo --db " + db).exit_code, 0);
  RunResult added =
      Run("user add --db " + db + " --username ssp-worker2 --name 'Kirsten Testesen' --unit ssp --role caseworker");
  ASSERT_EQ(added.exit_code, 0) << added.err;
  EXPECT_NE(added.out.find("Adgangskode"), std::string::npos);
  EXPECT_NE(added.out.find("otpauth://totp/Trygnet:ssp-worker2?secret="), std::string::npos);
  WriteFile(dir_.File("pw.txt"), "kort\n");
  RunResult weak = Run("user add --db " + db +
                           " --username weak-user --name W --unit ssp --role caseworker "
                           "--password-stdin",
                       "", dir_.File("pw.txt"));
  EXPECT_EQ(weak.exit_code, 2);
  EXPECT_NE(weak.err.find("password: must be at least 12"), std::string::npos) << weak.err;
  EXPECT_EQ(Run("user add --db " + db + " --username x-user --name X --unit nowhere --role caseworker").exit_code, 2);
  EXPECT_EQ(Run("user add --db " + db + " --username x-user --name X --unit ssp --role wizard").exit_code, 2);
  RunResult token = Run("user token --db " + db + " --user ssp-worker2");
  ASSERT_EQ(token.exit_code, 0) << token.err;
  EXPECT_EQ(token.out.rfind("tg_", 0), 0u) << token.out;
  EXPECT_EQ(Run("user reset-password --db " + db + " --username ssp-worker2").exit_code, 0);
  EXPECT_EQ(Run("user disable --db " + db + " --username ssp-worker2").exit_code, 0);
  EXPECT_EQ(Run("user disable --db " + db + " --username nobody").exit_code, 1);
  RunResult totp = Run("user reset-totp --db " + db + " --username ssp-worker2");
  EXPECT_NE(totp.out.find("otpauth://totp/Trygnet:ssp-worker2?secret="), std::string::npos) << totp.out;
  RunResult revoked = Run("user revoke-tokens --db " + db + " --username ssp-worker2");
  EXPECT_NE(revoked.out.find("Tilbagekaldte 1 API-nøgle"), std::string::npos) << revoked.out;
  EXPECT_NE(Run("user revoke-tokens --db " + db + " --username ssp-worker2").out.find("Tilbagekaldte 0"),
            std::string::npos);
  RunResult list = Run("user list --db " + db);
  EXPECT_NE(list.out.find("deaktiveret"), std::string::npos) << list.out;
  EXPECT_EQ(Run("user enable --db " + db + " --username ssp-worker2").exit_code, 0);
  EXPECT_EQ(Run("user list --db " + db).out.find("deaktiveret"), std::string::npos);
  RunResult audited = Run("audit query --db " + db + " --json");
  for (const char* action : {"\"create\"", "\"issue_token\"", "\"reset_password\"", "\"disable\"", "\"enable\"",
                             "\"reset_totp\"", "\"revoke_tokens\""}) {
    EXPECT_NE(audited.out.find(action), std::string::npos) << action;
  }
  EXPECT_EQ(Run("audit verify --db " + db).exit_code, 0);
}

TEST_F(CliTest, PersonListAndShow) {
  std::string db = dir_.File("p.db");
  ASSERT_EQ(Run("demo --db " + db).exit_code, 0);
  RunResult list = Run("person list --db " + db + " --limit 3 --json");
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_NE(list.out.find("\"cpr\""), std::string::npos);
  EXPECT_EQ(Run("person list --db " + db + " --limit 0").exit_code, 2);
  RunResult show = Run("person show 1 --db " + db);
  ASSERT_EQ(show.exit_code, 0) << show.err;
  EXPECT_NE(show.out.find("Registreringer"), std::string::npos);
  EXPECT_EQ(Run("person show 99999999 --db " + db).exit_code, 1);
}

TEST_F(CliTest, NetworkStatesItsPurposeAuditsWhomItShowsAndRefusesBadOptions) {
  const std::string db = dir_.File("n.db");
  ASSERT_EQ(Run("demo --db " + db).exit_code, 0);
  const std::string base = "network --db " + db + " --partnership norrebro-2017 --as-of 2018-06-30 ";
  RunResult text = Run(base + "--purpose crime_prevention --top 3");
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("Mest centrale (PageRank)"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("ændrer ingen persons status"), std::string::npos);
  EXPECT_NE(text.out.find("fejlgrænse"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("Formål: crime_prevention"), std::string::npos);
  RunResult english = Run(base + "--purpose crime_prevention --top 3 --lang en");
  EXPECT_NE(english.out.find("Most central (PageRank)"), std::string::npos) << english.out;

  RunResult json = Run(base + "--purpose crime_prevention --top 3 --seed 9 --json");
  ASSERT_EQ(json.exit_code, 0) << json.err;
  const nlohmann::json out = nlohmann::json::parse(json.out);
  EXPECT_EQ(out["purpose"], "crime_prevention");
  EXPECT_EQ(out["request"]["seed"], 9);
  EXPECT_LE(out["top"]["pagerank"].size(), 3u);
  // The same seed, the same figures.
  const nlohmann::json again = nlohmann::json::parse(Run(base + "--purpose crime_prevention --top 3 --seed 9 --json").out);
  EXPECT_EQ(out["top"], again["top"]);
  EXPECT_EQ(out["persons"], again["persons"]);

  RunResult all = Run("audit query --db " + db + " --unit local-admin --limit 100000 --json");
  ASSERT_EQ(all.exit_code, 0) << all.err;
  const nlohmann::json entries = nlohmann::json::parse(all.out);
  int runs = 0, reads = 0;
  for (const nlohmann::json& entry : entries) {
    const std::string resource = entry.value("resource", "");
    if (resource != "network/norrebro-2017/2018-06-30") continue;
    EXPECT_EQ(entry["purpose"], "crime_prevention");
    if (entry["action"] == "analyse") ++runs;
    if (entry["action"] == "read") ++reads;
  }
  EXPECT_EQ(runs, 4);
  EXPECT_GE(reads, 4 * 3);

  EXPECT_EQ(Run(base + "--top 3").exit_code, 2);  // no purpose
  RunResult top = Run(base + "--purpose crime_prevention --top 0");
  EXPECT_EQ(top.exit_code, 2);
  EXPECT_NE(top.err.find("top"), std::string::npos) << top.err;
  RunResult area = Run(base + "--purpose crime_prevention --area atlantis");
  EXPECT_EQ(area.exit_code, 2);
  EXPECT_NE(area.err.find("atlantis"), std::string::npos) << area.err;
  EXPECT_EQ(Run(base + "--purpose crime_prevention --window -1").exit_code, 2);
  EXPECT_EQ(Run(base + "--purpose crime_prevention --from 2018-07-01").exit_code, 2);
  EXPECT_EQ(Run("network --db " + db + " --partnership norrebro-2017 --as-of 2018-13-01 --purpose x").exit_code, 2);
}

}  // namespace
}  // namespace trygnet
