// persist() renames a named file: it is not a member of temporary_file (use link).
#include <boost/tempfile/basic_temp_file.hpp>
namespace tf = boost::tempfile;
int main()
{
#if defined(BOOST_TEMPFILE_TEST_MISUSE)
    tf::temporary_file f;
#else
    tf::named_temporary_file f;
#endif
    boost::system::error_code ec;
    f.persist("/nonexistent-dir/x", ec);
    return ec ? 0 : 1;
}
