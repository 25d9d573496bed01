// link() names an anonymous file: it is not a member of named_temporary_file (use persist).
#include <boost/tempfile/basic_temp_file.hpp>
namespace tf = boost::tempfile;
int main()
{
#if defined(BOOST_TEMPFILE_TEST_MISUSE)
    tf::named_temporary_file f;
#else
    tf::temporary_file f;
#endif
    boost::system::error_code ec;
    f.link("/nonexistent-dir/x", ec);
    return ec ? 0 : 1;
}
