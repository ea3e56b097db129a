// The workbooks crates/core/tests/imports.rs writes, made with the same calls.
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

fn main() {
    let out = std::path::Path::new(&std::env::args().nth(1).unwrap()).to_path_buf();
    // staff_workbook: a Readme sheet first, numeric ids, an Excel date and a bare serial.
    let mut workbook = Workbook::new();
    let readme = workbook.add_worksheet();
    readme.set_name("Readme").unwrap();
    readme
        .write_string(0, 0, "Exported from the HR system")
        .unwrap();
    let staff = workbook.add_worksheet();
    staff.set_name("Staff").unwrap();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    for (column, title) in [
        "Employee ID",
        "Name",
        "Team",
        "Role",
        "Manager ID",
        "Hire date",
    ]
    .iter()
    .enumerate()
    {
        staff.write_string(0, column as u16, *title).unwrap();
    }
    staff.write_number(1, 0, 1001).unwrap();
    staff.write_string(1, 1, "Ann").unwrap();
    staff.write_string(1, 2, "Ops").unwrap();
    staff.write_string(1, 3, "Lead").unwrap();
    staff
        .write_datetime_with_format(1, 5, ExcelDateTime::from_ymd(2020, 1, 15).unwrap(), &date)
        .unwrap();
    staff.write_number(2, 0, 1002).unwrap();
    staff.write_string(2, 1, "Ben").unwrap();
    staff.write_string(2, 2, "Ops").unwrap();
    staff.write_string(2, 3, "Agent").unwrap();
    staff.write_number(2, 4, 1001).unwrap();
    staff.write_number(2, 5, 45000).unwrap();
    workbook.save(out.join("staff.xlsx")).unwrap();

    // a_workbook_problem_names_its_cell: the table starts at B3.
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("People").unwrap();
    for (column, title) in ["Employee ID", "Name", "Team", "Hire date"]
        .iter()
        .enumerate()
    {
        sheet.write_string(2, column as u16 + 1, *title).unwrap();
    }
    sheet.write_string(3, 1, "A1").unwrap();
    sheet.write_string(3, 2, "Ann").unwrap();
    sheet.write_string(3, 3, "Ops").unwrap();
    sheet.write_string(3, 4, "next spring").unwrap();
    workbook.save(out.join("offset-table.xlsx")).unwrap();

    // a_tiny_workbook_spanning_the_whole_sheet...: A1 and XFD1048576.
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.write_string(0, 0, "Employee ID").unwrap();
    sheet.write_string(1_048_575, 16_383, "far away").unwrap();
    workbook.save(out.join("corner.xlsx")).unwrap();

    // rows_far_down_a_sheet_are_read_where_they_are.
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    for (column, title) in ["Employee ID", "Name", "Team"].iter().enumerate() {
        sheet.write_string(0, column as u16, *title).unwrap();
    }
    for (column, value) in ["F1", "Fay Far", "Ops"].iter().enumerate() {
        sheet.write_string(999_999, column as u16, *value).unwrap();
    }
    workbook.save(out.join("sparse.xlsx")).unwrap();
}
